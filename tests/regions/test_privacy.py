"""AVG: people can see and download their data; the office can erase a person while records stay."""

import datetime
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from regions import access, services
from regions.models import RegionMembership, User
from regions.privacy import ERASED_NAME, RETENTION_DAYS, inactive_people, person_erase, person_export


def test_export_contains_the_persons_data(world):
    data = person_export(world["team_a"])
    assert data["account"]["email"] == world["team_a"].email
    assert data["region_teams"] == [{"region": "Regio A", "verbinder": True, "since": data["region_teams"][0]["since"]}]
    connector = person_export(world["connector_a"])
    assert connector["coalition_connector_for"] == ["Regio A"]


def test_export_lists_records_of_every_feature_that_point_at_the_person(world):
    from learning.services import indicator_value_save

    indicator_value_save(region=world.region_a, school_type="po", year=2024, value=12, source="x", user=world["team_a"])
    records = {kind["kind"]: kind for kind in person_export(world["team_a"])["other_records"]}
    assert records["indicatorwaarde"]["count"] == 1
    assert records["indicatorwaarde"]["records"] == ["po 2024: 12.00%"]
    assert not any(kind["kind"] == "indicatorwaarde" for kind in person_export(world["team_b"])["other_records"])


def test_my_data_page_and_download(client, world, login):
    login(world["team_a"])
    page = client.get(reverse("portal:my_data"))
    assert page.status_code == 200
    assert world["team_a"].email in page.content.decode()
    download = client.get(reverse("portal:my_data"), {"format": "json"})
    assert download["Content-Disposition"].startswith("attachment;")
    assert json.loads(download.content)["account"]["username"] == "team_a"
    assert ModelLogEntry.objects.filter(action="regions.person_export", user=world["team_a"]).exists()


def test_my_data_shows_only_my_own_data(client, world, login):
    login(world["team_b"])
    body = client.get(reverse("portal:my_data")).content.decode()
    assert world["team_a"].email not in body
    assert "Regio A" not in body


def test_erase_removes_personal_data_but_keeps_records(world):
    person = world["team_a"]
    services.region_set_status(region=world.region_a, status="alumni", by=person)
    entries_before = ModelLogEntry.objects.filter(user=person).count()
    person_erase(user=person, by=world["office"])
    person.refresh_from_db()
    assert person.first_name == ERASED_NAME
    assert person.email == "" and not person.is_active and not person.has_usable_password()
    assert person.username == f"verwijderd-{person.pk}"
    assert not RegionMembership.objects.filter(user=person).exists()
    assert ModelLogEntry.objects.filter(user=person).count() == entries_before + 0  # history stays
    assert not ModelLogEntry.objects.filter(label__icontains="Persoon", object_id=str(person.pk)).exists()
    access.forget_cached_access(person)
    assert not access.can(person, access.REGION_VIEW, world.region_a)


def test_erased_person_cannot_sign_in(client, world):
    person_erase(user=world["team_a"])
    response = client.post(reverse("login"), {"username": "team_a", "password": "Test-wachtwoord-123"})
    assert response.status_code == 200  # the form again, with an error


def test_retention_erases_only_long_unused_accounts(world):
    old = timezone.now() - datetime.timedelta(days=RETENTION_DAYS + 1)
    User.objects.filter(pk=world["team_b"].pk).update(last_login=old, date_joined=old)
    User.objects.filter(pk=world["team_a"].pk).update(last_login=timezone.now())
    assert list(inactive_people()) == [world["team_b"]]
    call_command("erase_inactive_people", verbosity=0)
    assert User.objects.get(pk=world["team_b"].pk).first_name == ERASED_NAME
    assert User.objects.get(pk=world["team_a"].pk).is_active


def test_person_data_command(world, capsys):
    call_command("person_data", "team_a", "--export")
    assert json.loads(capsys.readouterr().out)["account"]["username"] == "team_a"
    call_command("person_data", "team_a", "--erase")
    assert not User.objects.filter(username="team_a").exists()


@pytest.mark.parametrize("username", ["anonymous"])
def test_my_data_needs_sign_in(client, world, username):
    response = client.get(reverse("portal:my_data"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
