import pytest
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from regions import services
from regions.models import Organisation
from regions.roles import Role
from tests.factories import OrganisationFactory, RegionFactory, UserFactory


def test_only_coalition_members_can_be_paired(world):
    ministry = OrganisationFactory(name="OCW", slug="ocw", kind=Organisation.Kind.MINISTRY)
    with pytest.raises(ValidationError):
        services.region_pair_organisation(region=world.region_a, organisation=ministry)


def test_pairing_twice_grants_once_and_logs_once(world):
    before = ModelLogEntry.objects.filter(action="regions.pair").count()
    services.region_pair_organisation(region=world.region_a, organisation=world.org_a)
    assert world.region_a.regiongroupobjectpermission_set.count() == 1
    assert ModelLogEntry.objects.filter(action="regions.pair").count() == before


def test_connector_must_belong_to_a_paired_organisation(world):
    outsider = UserFactory()
    services.user_set_organisation(user=outsider, organisation=world.org_b)
    services.user_set_roles(user=outsider, roles={Role.COALITION_CONNECTOR})
    with pytest.raises(ValidationError):
        services.region_set_connector(region=world.region_a, user=outsider)


def test_at_most_two_verbinders(world):
    region = RegionFactory()
    for _ in range(2):
        services.region_add_member(region=region, user=UserFactory(), is_verbinder=True)
    with pytest.raises(ValidationError):
        services.region_add_member(region=region, user=UserFactory(), is_verbinder=True)
    services.region_add_member(region=region, user=UserFactory(), is_verbinder=False)
    assert region.memberships.count() == 3


def test_reviewer_role_needs_a_coalition_member(world):
    person = UserFactory()
    with pytest.raises(ValidationError):
        services.user_set_roles(user=person, roles={Role.COALITION_REVIEWER})
    with pytest.raises(ValidationError):
        services.user_set_roles(user=person, roles={"emperor"})


def test_roles_are_granted_and_revoked_with_audit(world):
    person = world["editor"]
    services.user_set_roles(user=person, roles={Role.PROGRAMME_OFFICE}, by=world["admin"])
    assert set(person.groups.filter(name__in=Role.values).values_list("name", flat=True)) == {Role.PROGRAMME_OFFICE}
    logged = set(ModelLogEntry.objects.filter(object_id=str(person.pk)).values_list("action", flat=True))
    assert {"regions.role_grant", "regions.role_revoke"} <= logged


def test_moving_organisation_moves_group_membership(world):
    person = world["reviewer_a"]
    services.user_set_organisation(user=person, organisation=world.org_b)
    assert person.groups.filter(pk=world.org_b.group_id).exists()
    assert not person.groups.filter(pk=world.org_a.group_id).exists()


def test_team_membership_changes_are_logged(world):
    person = UserFactory()
    services.region_add_member(region=world.region_b, user=person)
    services.region_remove_member(region=world.region_b, user=person)
    actions = list(ModelLogEntry.objects.filter(action__startswith="regions.member").values_list("action", flat=True))
    assert "regions.member_add" in actions and "regions.member_remove" in actions
