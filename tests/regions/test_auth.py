"""Signing in and out, password reset, throttling of failed sign-ins, sessions, and the audit trail."""

import re

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry

from tests.factories import PASSWORD


def _post_login(client, username, password, next_url=""):
    data = {"username": username, "password": password}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("login"), data, REMOTE_ADDR="10.1.2.3")


def test_login_page_is_ours_and_dutch(client, db):
    response = client.get(reverse("login"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Inloggen</h1>" in body
    assert 'lang="nl"' in body
    assert "Wachtwoord vergeten?" in body
    assert f'href="{reverse("enrolment:register")}"' in body  # a new region finds the way to apply


def test_team_member_signs_in_and_lands_in_the_portal(client, world):
    response = _post_login(client, "team_a", PASSWORD)
    assert response.status_code == 302
    assert response.url == reverse("portal:dashboard")
    assert client.get(response.url).status_code == 200
    entry = ModelLogEntry.objects.filter(action="regions.login").latest("timestamp")
    assert entry.user_id == world["team_a"].pk
    assert entry.data["ip"] == "10.1.2.3"


def test_login_keeps_a_safe_next_and_drops_an_unsafe_one(client, world):
    target = reverse("portal:region_detail", args=["regio-a"])
    assert _post_login(client, "team_a", PASSWORD, target).url == target
    client.post(reverse("logout"))
    assert _post_login(client, "team_a", PASSWORD, "https://evil.example.com/").url == reverse("portal:dashboard")


def test_wrong_password_shows_dutch_error_and_keeps_the_username(client, world):
    response = _post_login(client, "team_a", "verkeerd-wachtwoord")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Corrigeer het volgende" in body
    assert 'value="team_a"' in body
    assert ModelLogEntry.objects.filter(action="regions.login_failed", object_id=str(world["team_a"].pk)).exists()


def test_logout_needs_post_and_ends_the_session(client, world, login):
    login(world["team_a"])
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("portal:dashboard")).status_code == 302


def test_failed_logins_lock_out_then_cool_off(client, world):
    limit = settings.AXES_FAILURE_LIMIT
    with time_machine.travel("2026-11-24 10:00:00 +0000", tick=False):
        for _ in range(limit):
            _post_login(client, "team_a", "fout")
        locked = _post_login(client, "team_a", PASSWORD)
        assert locked.status_code == 429
        body = locked.content.decode()
        assert "Te veel mislukte inlogpogingen" in body
        assert f"{int(settings.AXES_COOLOFF_TIME * 60)} minuten" in body
    with time_machine.travel("2026-11-24 10:14:00 +0000", tick=False):
        # Still locked; trying again while locked restarts the cool-off from this attempt.
        assert _post_login(client, "team_a", PASSWORD).status_code == 429
    with time_machine.travel("2026-11-24 10:28:00 +0000", tick=False):
        assert _post_login(client, "team_a", PASSWORD).status_code == 429
    with time_machine.travel("2026-11-24 10:44:00 +0000", tick=False):
        response = _post_login(client, "team_a", PASSWORD)
        assert response.status_code == 302


def test_lockout_is_per_username_and_address(client, world):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _post_login(client, "team_a", "fout")
    assert _post_login(client, "team_b", PASSWORD).status_code == 302


def test_password_reset_sends_a_dutch_mail_and_the_link_works(client, world):
    response = client.post(reverse("password_reset"), {"email": world["team_a"].email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "Kies een nieuw wachtwoord" in message.subject
    assert "Iemand (hopelijk u)" in message.body
    link = re.search(r"https?://[^\s]+/accounts/reset/[^\s]+/", message.body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    response = client.get("/" + path, follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0]
    new_password = "Nieuw-wachtwoord-2026!"
    response = client.post(form_url, {"new_password1": new_password, "new_password2": new_password})
    assert response.status_code == 302
    world["team_a"].refresh_from_db()
    assert world["team_a"].check_password(new_password)


def test_password_reset_does_not_reveal_whether_an_address_exists(client, db):
    response = client.post(reverse("password_reset"), {"email": "niemand@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 0


def test_weak_new_password_is_refused_in_dutch(client, world, login):
    login(world["team_a"])
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "12345678", "new_password2": "12345678"},
    )
    assert response.status_code == 200
    assert "Dit wachtwoord is te kort" in response.content.decode()


def test_sessions_expire():
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert 0 < settings.SESSION_COOKIE_AGE <= 12 * 60 * 60


def test_session_is_gone_after_its_age(client, world):
    with time_machine.travel("2026-11-24 08:00:00 +0000", tick=False):
        _post_login(client, "team_a", PASSWORD)
        assert client.get(reverse("portal:dashboard")).status_code == 200
    with time_machine.travel(f"2026-11-24 {8 + settings.SESSION_COOKIE_AGE // 3600}:01:00 +0000", tick=False):
        assert client.get(reverse("portal:dashboard")).status_code == 302


@pytest.mark.parametrize(
    ("path", "language", "heading"), [("/en/accounts/login/", "en", "Sign in"), ("/accounts/login/", "nl", "Inloggen")]
)
def test_the_language_is_the_urls(client, db, path, language, heading):
    # An English browser (or an old language cookie) changes nothing: the URL says the language.
    client.cookies["django_language"] = "en" if language == "nl" else "nl"
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="en" if language == "nl" else "nl")
    content = response.content.decode()
    assert f"<h1>{heading}</h1>" in content
    assert f'lang="{language}"' in content
    assert response["Content-Language"] == language
    assert "Accept-Language" not in response.get("Vary", "")
    other = "/accounts/login/" if language == "en" else "/en/accounts/login/"
    assert f'href="{other}"' in content  # the switch is a link to the same page in the other language


def test_the_language_switch_keeps_the_page_and_its_query(client, db):
    content = client.get("/zoeken/?q=school").content.decode()
    assert 'href="/en/zoeken/?q=school"' in content
    content = client.get("/en/zoeken/?q=school").content.decode()
    assert 'href="/zoeken/?q=school"' in content


def test_wagtail_admin_uses_the_site_login(client, db):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(
    ("username", "status"), [("editor", 200), ("office", 200), ("admin", 200), ("reviewer_a", 302), ("team_a", 302)]
)
def test_wagtail_admin_is_for_editors_and_the_office(client, world, login, username, status):
    login(world[username])
    assert client.get("/admin/").status_code == status


def test_error_pages_are_ours(client, world, login):
    response = client.get("/bestaat-echt-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()
    login(world["team_a"])
    response = client.get(reverse("portal:region_manage", args=["regio-a"]))
    assert response.status_code == 403
    assert "U hebt geen toegang tot deze pagina" in response.content.decode()
