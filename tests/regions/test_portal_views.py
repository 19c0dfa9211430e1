"""The portal through HTTP, as every role: pages answer 200, 403 or 404 and never leak data."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from regions import access, services
from regions.models import Region
from tests.factories import RegionFactory
from tests.regions.test_access import ALL_USERS, REGION_MATRIX

PORTAL_URLS = [
    ("portal:dashboard", None),
    ("portal:region_list", None),
    ("portal:region_detail", "region_a"),
    ("portal:region_manage", "region_a"),
    ("portal:organisation_detail", "org_a"),
]


def _url(world, name, target):
    if target is None:
        return reverse(name)
    return reverse(name, args=[getattr(world, target).slug])


@pytest.mark.parametrize(("name", "target"), PORTAL_URLS)
def test_anonymous_is_sent_to_login(client, world, name, target):
    url = _url(world, name, target)
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert "next=" in response.url


@pytest.mark.parametrize("username", ALL_USERS)
@pytest.mark.parametrize("region_key", ["a", "b"])
def test_region_detail_as_every_role(client, world, login, username, region_key):
    region = world.region_a if region_key == "a" else world.region_b
    login(world[username])
    response = client.get(reverse("portal:region_detail", args=[region.slug]))
    allowed = region_key in REGION_MATRIX[access.REGION_VIEW].get(username, set())
    if username == "no_role":
        assert response.status_code == 403
    elif allowed:
        assert response.status_code == 200
        assert region.development_question in response.content.decode() or response.context["region"] == region
    else:
        assert response.status_code == 404
        assert region.name not in response.content.decode()


def test_region_detail_shows_team_and_pairing(client, world, login):
    login(world["reviewer_a"])
    response = client.get(reverse("portal:region_detail", args=[world.region_a.slug]))
    body = response.content.decode()
    assert str(world["team_a"]) in body
    assert world.org_a.display_name in body
    assert str(world["connector_a"]) in body
    assert response.context["may"] == {"view": True, "work": False, "review": True, "manage": False}


@pytest.mark.parametrize("username", ALL_USERS)
def test_region_list_shows_only_visible_regions(client, world, login, username):
    login(world[username])
    response = client.get(reverse("portal:region_list"))
    if username == "no_role":
        assert response.status_code == 403
        return
    assert response.status_code == 200
    listed = {region.slug for region in response.context["regions"]}
    expected = {f"regio-{key}" for key in REGION_MATRIX[access.REGION_VIEW].get(username, set())}
    assert listed == expected
    body = response.content.decode()
    for slug in {"regio-a", "regio-b"} - expected:
        assert f'href="/portal/regions/{slug}/"' not in body


def test_region_list_filters(client, world, login):
    world.region_b.status = Region.Status.ALUMNI
    world.region_b.save()
    login(world["office"])
    response = client.get(reverse("portal:region_list"), {"status": "alumni"})
    assert [r.slug for r in response.context["regions"]] == ["regio-b"]
    response = client.get(reverse("portal:region_list"), {"q": "regio a"})
    assert [r.slug for r in response.context["regions"]] == ["regio-a"]


def test_region_list_invalid_filter_keeps_input_and_shows_error(client, world, login):
    login(world["office"])
    response = client.get(reverse("portal:region_list"), {"status": "nonsense", "q": "Regio"})
    assert response.status_code == 200
    form = response.context["filter"].form
    assert form.errors["status"]
    assert 'value="Regio"' in response.content.decode()


def test_region_list_query_count_is_constant(client, world, login, django_assert_max_num_queries):
    login(world["office"])
    client.get(reverse("portal:region_list"))  # warm caches such as the session

    def count_queries():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            response = client.get(reverse("portal:region_list"))
        assert response.status_code == 200
        return len(ctx.captured_queries)

    few = count_queries()
    RegionFactory.create_batch(20)
    many = count_queries()
    assert few == many
    assert many <= 10


@pytest.mark.parametrize("username", ["team_a", "reviewer_a", "connector_a", "editor", "knowledge_a"])
def test_manage_page_is_forbidden_for_non_office_roles(client, world, login, username):
    login(world[username])
    response = client.get(reverse("portal:region_manage", args=[world.region_a.slug]))
    assert response.status_code == 403
    response = client.post(
        reverse("portal:region_manage", args=[world.region_a.slug]), {"action": "status", "status-status": "alumni"}
    )
    assert response.status_code == 403
    world.region_a.refresh_from_db()
    assert world.region_a.status == Region.Status.ACTIVE


def test_office_changes_status_and_it_is_logged(client, world, login):
    login(world["office"])
    url = reverse("portal:region_manage", args=[world.region_a.slug])
    response = client.post(url, {"action": "status", "status-status": "alumni"})
    assert response.status_code == 302
    world.region_a.refresh_from_db()
    assert world.region_a.status == Region.Status.ALUMNI
    entry = ModelLogEntry.objects.filter(action="regions.status").latest("timestamp")
    assert entry.user == world["office"]
    assert entry.data == {"from": "active", "to": "alumni"}


def test_office_pairs_and_unpairs_an_organisation(client, world, login):
    login(world["office"])
    url = reverse("portal:region_manage", args=[world.region_a.slug])
    response = client.post(url, {"action": "pair", "pair-organisation": world.org_b.pk})
    assert response.status_code == 302
    access.forget_cached_access(world["reviewer_b"])
    assert access.can(world["reviewer_b"], access.REGION_REVIEW, world.region_a)
    response = client.post(url, {"action": "unpair", "organisation": world.org_b.pk})
    assert response.status_code == 302
    access.forget_cached_access(world["reviewer_b"])
    assert not access.can(world["reviewer_b"], access.REGION_VIEW, world.region_a)
    actions = list(
        ModelLogEntry.objects.filter(action__in=["regions.pair", "regions.unpair"]).values_list("action", flat=True)
    )
    assert actions.count("regions.unpair") == 1


def test_pair_form_error_is_shown_in_dutch_and_nothing_changes(client, world, login):
    login(world["office"])
    url = reverse("portal:region_manage", args=[world.region_a.slug])
    before = list(services.region_paired_organisations(world.region_a))
    response = client.post(url, {"action": "pair", "pair-organisation": "999999"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Corrigeer het volgende" in body
    assert "Selecteer een geldige keuze" in body
    assert list(services.region_paired_organisations(world.region_a)) == before


def test_connector_must_have_the_connector_role(client, world, login):
    login(world["office"])
    url = reverse("portal:region_manage", args=[world.region_a.slug])
    response = client.post(url, {"action": "connector", "connector-user": world["reviewer_a"].pk})
    assert response.status_code == 400  # not a connector: not among the choices
    assert not services.region_connectors(world.region_a).filter(pk=world["reviewer_a"].pk).exists()


def test_unknown_manage_action_and_bad_ids_do_not_crash(client, world, login):
    login(world["office"])
    url = reverse("portal:region_manage", args=[world.region_a.slug])
    assert client.post(url, {"action": "explode"}).status_code == 302
    assert client.post(url, {"action": "unpair", "organisation": "abc"}).status_code == 404
    assert client.post(url, {"action": "unset_connector", "user": ""}).status_code == 404


def test_manage_unknown_region_is_404_for_office(client, world, login):
    login(world["office"])
    assert client.get(reverse("portal:region_manage", args=["bestaat-niet"])).status_code == 404


@pytest.mark.parametrize(
    ("username", "org_key", "status"),
    [
        ("reviewer_a", "org_a", 200),
        ("reviewer_a", "org_b", 404),
        ("reviewer_b", "org_a", 404),
        ("team_a", "org_a", 404),
        ("office", "org_b", 200),
        ("no_role", "org_a", 403),
    ],
)
def test_organisation_detail(client, world, login, username, org_key, status):
    login(world[username])
    organisation = getattr(world, org_key)
    response = client.get(reverse("portal:organisation_detail", args=[organisation.slug]))
    assert response.status_code == status
    if status == 200:
        assert organisation.name in response.content.decode()


@pytest.mark.parametrize(
    ("username", "expected", "absent"),
    [
        ("team_a", ["Regio A", "Werk aan uw regio"], ["Regio B", "Regio's per status"]),
        ("reviewer_a", ["Regio A", "gekoppeld aan uw organisatie"], ["Regio B"]),
        ("office", ["Regio's per status", "Alle regio's"], []),
        ("editor", ["Wagtail"], ["Regio A"]),
    ],
)
def test_dashboard_shows_what_each_role_may_do(client, world, login, username, expected, absent):
    login(world[username])
    response = client.get(reverse("portal:dashboard"))
    assert response.status_code == 200
    body = response.content.decode()
    for text in expected:
        assert text in body, text
    for text in absent:
        assert text not in body, text


def test_dashboard_query_count_is_bounded(client, world, login, django_assert_max_num_queries):
    login(world["reviewer_a"])
    for region in RegionFactory.create_batch(15):
        services.region_pair_organisation(region=region, organisation=world.org_a)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("portal:dashboard"))
    assert len(response.context["review_regions"]) == 12
    assert response.context["review_region_count"] == 16
    assert "Alle 16 regio's bekijken" in response.content.decode()
