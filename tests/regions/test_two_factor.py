"""Two-factor sign-in: required for coalition, office, editors and administrators; optional for teams."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from regions import two_factor
from tests.conftest import current_totp, give_two_factor_device
from tests.factories import PASSWORD

REQUIRED = ["reviewer_a", "connector_a", "office", "editor", "admin"]
OPTIONAL = ["team_a", "knowledge_a"]


def _sign_in(client, user):
    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return client.get(response.url)


@pytest.mark.parametrize("username", REQUIRED)
def test_required_roles_are_sent_to_setup_and_cannot_use_the_portal(client, world, username):
    response = _sign_in(client, world[username])
    assert response.status_code == 302
    assert response.url.startswith(reverse("two_factor_setup"))
    for url in [reverse("portal:dashboard"), reverse("portal:region_list"), "/admin/"]:
        blocked = client.get(url)
        assert blocked.status_code == 302 and blocked.url.startswith(reverse("two_factor_setup"))


@pytest.mark.parametrize("username", OPTIONAL)
def test_optional_roles_go_straight_in(client, world, username):
    assert _sign_in(client, world[username]).status_code == 200


def test_setup_confirm_and_recovery_codes(client, world):
    office = world["office"]
    _sign_in(client, office)
    page = client.get(reverse("two_factor_setup"))
    assert page.status_code == 200
    body = page.content.decode()
    assert "data:image/svg+xml" in body
    device = TOTPDevice.objects.get(user=office, confirmed=False)
    assert two_factor.totp_secret(device) in body

    wrong = client.post(reverse("two_factor_setup"), {"token": "000000"})
    assert wrong.status_code == 400
    assert "Deze code klopt niet" in wrong.content.decode()

    # django-otp throttles: after a wrong code the next try must wait a moment.
    with time_machine.travel(datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(seconds=5)):
        done = client.post(reverse("two_factor_setup"), {"token": current_totp(device)})
    assert done.status_code == 200
    codes = done.context["codes"]
    assert len(codes) == two_factor.RECOVERY_CODE_COUNT
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("portal:dashboard")).status_code == 200
    assert ModelLogEntry.objects.filter(action="regions.2fa_enable", object_id=str(office.pk)).exists()


def test_verify_with_app_code_then_recovery_code_once(client, world):
    office = world["office"]
    device = give_two_factor_device(office)
    codes = two_factor.regenerate_recovery_codes(office)
    response = _sign_in(client, office)
    assert response.url.startswith(reverse("two_factor_verify"))

    bad = client.post(reverse("two_factor_verify"), {"token": "123"})
    assert bad.status_code == 400
    assert ModelLogEntry.objects.filter(action="regions.2fa_fail").exists()
    with time_machine.travel(datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(seconds=5)):
        ok = client.post(reverse("two_factor_verify"), {"token": current_totp(device), "next": "/portal/regions/"})
    assert ok.status_code == 302 and ok.url == "/portal/regions/"

    later = datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(minutes=1)
    with time_machine.travel(later):
        client.post(reverse("logout"))
        _sign_in(client, office)
        assert client.post(reverse("two_factor_verify"), {"token": codes[0].upper()}).status_code == 302
        client.post(reverse("logout"))
        _sign_in(client, office)
        assert client.post(reverse("two_factor_verify"), {"token": codes[0]}).status_code == 400
    assert StaticToken.objects.filter(device__user=office).count() == len(codes) - 1


def test_team_member_who_opted_in_must_verify(client, world):
    team = world["team_a"]
    give_two_factor_device(team)
    response = _sign_in(client, team)
    assert response.url.startswith(reverse("two_factor_verify"))


def test_recovery_codes_can_be_renewed_only_after_verification(client, world, login):
    office = world["office"]
    login(office)
    response = client.post(reverse("two_factor_manage"))
    assert response.status_code == 200
    first = set(response.context["codes"])
    second = set(client.post(reverse("two_factor_manage")).context["codes"])
    assert first.isdisjoint(second)
    assert StaticToken.objects.filter(device__user=office).count() == two_factor.RECOVERY_CODE_COUNT


def test_not_required_when_switched_off_for_the_demo(client, world, settings):
    settings.TWO_FACTOR_REQUIRED = False
    assert _sign_in(client, world["office"]).status_code == 200
