"""Every page type (tests/page_catalogue.py), in Dutch and in English, opened in Chromium as the demo
account that uses it: it is the page asked for (not the login page or an error), it passes axe-core
(WCAG 2.1 A/AA) and the CSP, and it is saved as a screenshot at 1280 and 375 px wide under
var/screenshots/ (look at them before calling a page done)."""

import os
import re
from importlib import import_module
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.core.management import call_command
from django_otp import DEVICE_ID_SESSION_KEY

from regions.models import User
from tests import page_catalogue
from tests.conftest import give_two_factor_device
from tests.e2e.axe import axe_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
WIDTHS = (1280, 375)


def _session_cookie(user) -> str:
    """A signed-in session with the second factor passed, as the login view would leave it."""
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store[DEVICE_ID_SESSION_KEY] = give_two_factor_device(user).persistent_id
    store.save()
    return store.session_key


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def test_every_page_type_in_both_languages(browser, live_server, settings):
    settings.TASKS = {"default": settings.TASKS["default"], "email": settings.TASKS["default"]}
    call_command("load_demo_data", stdout=open(os.devnull, "w"))  # noqa: SIM115
    page_types = page_catalogue.build()
    problems = []
    contexts = {}
    try:
        for page_type in page_types:
            if page_type.username not in contexts:
                context = browser.new_context(base_url=live_server.url)
                if page_type.username:
                    user = User.objects.get(username=page_type.username)
                    host = live_server.url.split("//", 1)[1].split(":")[0]
                    cookie = {"name": settings.SESSION_COOKIE_NAME, "value": _session_cookie(user)}
                    context.add_cookies([{**cookie, "domain": host, "path": "/"}])
                contexts[page_type.username] = context
            page = contexts[page_type.username].new_page()
            console = []
            page.on("console", lambda message, sink=console: sink.append(message.text))
            for language in ("nl", "en"):
                url = page_type.in_language(language)
                page.set_viewport_size({"width": WIDTHS[0], "height": 900})
                response = page.goto(url)
                where = f"{page_type.name} ({language}) {url}"
                expected = 404 if page_type.name == "page not found" else 200
                if response.status != expected or not page.url.endswith(url):
                    problems.append(f"{where}: got {response.status} at {page.url}")
                    continue
                if page.evaluate("document.documentElement.lang") != language:
                    problems.append(f"{where}: <html lang> is not {language}")
                problems += [f"{where}: {violation}" for violation in axe_violations(page)]
                for width in WIDTHS:
                    page.set_viewport_size({"width": width, "height": 900})
                    folder = SCREENSHOTS / language / str(width)
                    folder.mkdir(parents=True, exist_ok=True)
                    page.screenshot(path=str(folder / f"{_slug(page_type.name)}.png"), full_page=True)
            problems += [f"{page_type.name}: {text}" for text in console if "Content Security Policy" in text]
            page.close()
    finally:
        for context in contexts.values():
            context.close()
    assert problems == [], f"{len(problems)} problems:\n" + "\n".join(problems)
