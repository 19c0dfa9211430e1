"""The audit log page: programme office only, filterable, constant query count, shows failed sign-ins."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from regions import services
from tests.factories import RegionFactory

URL = reverse("portal:audit_log")


@pytest.mark.parametrize(
    ("username", "status"),
    [("office", 200), ("admin", 200), ("reviewer_a", 403), ("team_a", 403), ("editor", 403), ("connector_a", 403)],
)
def test_only_the_office_reads_the_audit_log(client, world, login, username, status):
    login(world[username])
    assert client.get(URL).status_code == status


def test_anonymous_goes_to_login(client, world):
    response = client.get(URL)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_grants_sign_ins_and_unknown_failures_are_listed(client, world, login):
    client.post(reverse("login"), {"username": "bestaat-niet", "password": "x"})
    services.region_pair_organisation(region=world.region_a, organisation=world.org_b, by=world["office"])
    login(world["office"])
    response = client.get(URL)
    body = response.content.decode()
    assert "Organisatie aan regio gekoppeld" in body
    assert "bestaat-niet" in body  # failed sign-in of an unknown username (django-axes)


def test_filters_by_action_and_person(client, world, login):
    services.region_set_status(region=world.region_a, status="alumni", by=world["office"])
    services.region_pair_organisation(region=world.region_b, organisation=world.org_a, by=world["admin"])
    login(world["office"])
    by_action = client.get(URL, {"action": "regions.status"}).context["entries"]
    assert {entry.action for entry in by_action} == {"regions.status"}
    by_person = client.get(URL, {"user": "admin"}).context["entries"]
    assert by_person and {entry.user.username for entry in by_person} == {"admin"}


def test_bad_filter_input_is_a_message_not_an_error(client, world, login):
    login(world["office"])
    response = client.get(URL, {"date_from": "gisteren", "action": "<script>"})
    assert response.status_code == 200
    assert "Corrigeer het volgende" in response.content.decode()


def test_query_count_does_not_grow_with_entries(client, world, login):
    login(world["office"])
    client.get(URL)

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(URL).status_code == 200
        return len(context.captured_queries)

    few = queries()
    for region in RegionFactory.create_batch(40):
        services.region_set_status(region=region, status="alumni", by=world["office"])
    assert queries() == few
