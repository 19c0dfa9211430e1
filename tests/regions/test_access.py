"""The full access matrix: every role against its own and another organisation's objects, for every
action regions.access knows, and the scoped lists agree with the per-object checks."""

import pytest
from django.contrib.auth.models import AnonymousUser

from regions import access

ALL_USERS = [
    "team_a",
    "team_b",
    "reviewer_a",
    "reviewer_b",
    "connector_a",
    "office",
    "editor",
    "admin",
    "knowledge_a",
    "no_role",
]

# (action, user) -> the region keys that user may act on. Missing users may act on none.
REGION_MATRIX = {
    access.REGION_VIEW: {
        "team_a": {"a"},
        "team_b": {"b"},
        "reviewer_a": {"a"},
        "reviewer_b": {"b"},
        "connector_a": {"a"},
        "office": {"a", "b"},
        "admin": {"a", "b"},
        "knowledge_a": {"a"},
    },
    access.REGION_WORK: {"team_a": {"a"}, "team_b": {"b"}, "admin": {"a", "b"}},
    access.REGION_REVIEW: {
        "reviewer_a": {"a"},
        "reviewer_b": {"b"},
        "connector_a": {"a"},
        "office": {"a", "b"},
        "admin": {"a", "b"},
    },
    access.REGION_MANAGE: {"office": {"a", "b"}, "admin": {"a", "b"}},
}

ORGANISATION_MATRIX = {
    access.ORGANISATION_VIEW: {
        "reviewer_a": {"org_a"},
        "connector_a": {"org_a"},
        "reviewer_b": {"org_b"},
        "office": {"org_a", "org_b", "office"},
        "editor": {"office"},
        "admin": {"org_a", "org_b", "office"},
    },
    access.ORGANISATION_MANAGE: {"office": {"org_a", "org_b", "office"}, "admin": {"org_a", "org_b", "office"}},
}

GLOBAL_MATRIX = {
    access.PORTAL_USE: {
        "team_a",
        "team_b",
        "reviewer_a",
        "reviewer_b",
        "connector_a",
        "office",
        "editor",
        "admin",
        "knowledge_a",
    },
    access.CMS_EDIT: {"editor", "office", "admin"},
    access.AUDIT_VIEW: {"office", "admin"},
    access.REGION_MANAGE: {"office", "admin"},
    access.ORGANISATION_MANAGE: {"office", "admin"},
}


def test_matrix_covers_every_action():
    covered = set(REGION_MATRIX) | set(ORGANISATION_MATRIX) | set(GLOBAL_MATRIX)
    assert covered == set(access.ALL_ACTIONS)


@pytest.mark.parametrize("action", list(REGION_MATRIX))
@pytest.mark.parametrize("username", ALL_USERS)
def test_region_actions(world, action, username):
    user = world[username]
    expected = REGION_MATRIX[action].get(username, set())
    regions = {"a": world.region_a, "b": world.region_b}
    for key, region in regions.items():
        assert access.can(user, action, region) is (key in expected), f"{username} {action} region {key}"
    listed = set(access.regions_for(user, action).values_list("slug", flat=True))
    assert listed == {regions[key].slug for key in expected}


@pytest.mark.parametrize("action", list(ORGANISATION_MATRIX))
@pytest.mark.parametrize("username", ALL_USERS)
def test_organisation_actions(world, action, username):
    user = world[username]
    expected = ORGANISATION_MATRIX[action].get(username, set())
    organisations = {"org_a": world.org_a, "org_b": world.org_b, "office": world.office}
    for key, organisation in organisations.items():
        assert access.can(user, action, organisation) is (key in expected), f"{username} {action} {key}"


@pytest.mark.parametrize("action", list(GLOBAL_MATRIX))
@pytest.mark.parametrize("username", ALL_USERS)
def test_global_actions(world, action, username):
    assert access.can(world[username], action) is (username in GLOBAL_MATRIX[action])


@pytest.mark.parametrize("action", access.ALL_ACTIONS)
def test_anonymous_may_do_nothing(world, action):
    anonymous = AnonymousUser()
    assert access.can(anonymous, action) is False
    if action in access.REGION_ACTIONS:
        assert access.can(anonymous, action, world.region_a) is False
        assert not access.regions_for(anonymous, action).exists()
    if action in access.ORGANISATION_ACTIONS:
        assert not access.organisations_for(anonymous, action).exists()


def test_inactive_user_loses_everything(world):
    office = world["office"]
    office.is_active = False
    office.save()
    assert access.can(office, access.REGION_VIEW, world.region_a) is False
    assert not access.regions_for(office, access.REGION_VIEW).exists()


def test_reviewer_role_without_organisation_gives_nothing(world):
    from regions import services

    reviewer = world["reviewer_a"]
    services.user_set_organisation(user=reviewer, organisation=None)
    assert access.can(reviewer, access.REGION_VIEW, world.region_a) is False
    assert access.can(reviewer, access.REGION_REVIEW) is False


def test_pairing_grant_and_revocation_change_access_at_once(world):
    from regions import services

    reviewer = world["reviewer_a"]
    assert access.can(reviewer, access.REGION_VIEW, world.region_b) is False
    services.region_pair_organisation(region=world.region_b, organisation=world.org_a)
    access.forget_cached_access(reviewer)
    assert access.can(reviewer, access.REGION_REVIEW, world.region_b) is True
    services.region_unpair_organisation(region=world.region_b, organisation=world.org_a)
    access.forget_cached_access(reviewer)
    assert access.can(reviewer, access.REGION_VIEW, world.region_b) is False


def test_unpairing_removes_the_connector_too(world):
    from regions import services

    connector = world["connector_a"]
    services.region_unpair_organisation(region=world.region_a, organisation=world.org_a)
    access.forget_cached_access(connector)
    assert access.can(connector, access.REGION_VIEW, world.region_a) is False
    assert not services.region_connectors(world.region_a).exists()


def test_scoped_list_is_one_query_whatever_the_size(world, django_assert_num_queries):
    from regions import services
    from tests.factories import RegionFactory

    reviewer = world["reviewer_a"]
    access.roles_of(reviewer)  # warm the per-user role cache
    with django_assert_num_queries(1):
        small = list(access.regions_for(reviewer, access.REGION_VIEW))
    for region in RegionFactory.create_batch(30):
        services.region_pair_organisation(region=region, organisation=world.org_a)
    with django_assert_num_queries(1):
        large = list(access.regions_for(reviewer, access.REGION_VIEW))
    assert len(large) == len(small) + 30


def test_unknown_action_is_an_error(world):
    with pytest.raises(ValueError):
        access.can(world["office"], "region.destroy", world.region_a)
    with pytest.raises(ValueError):
        access.regions_for(world["office"], "organisation.view")
