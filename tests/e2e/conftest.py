"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

Browser downloads are impossible here; `make test` installs Debian's chromium package first
(scripts/ensure-chromium.sh). A missing browser is an error, never a skip.
"""

import os

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make to set up
# data are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run 'make browser' (or set CHROMIUM_PATH).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser page that records CSP violations and console errors."""
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    page = context.new_page()
    page.console_problems = []

    def on_console(message):
        if message.type == "error":
            page.console_problems.append(message.text)

    page.on("console", on_console)
    yield page
    context.close()


@pytest.fixture
def sign_in(page):
    """Sign in through the real login form, passing the second step when the user's role needs it."""
    from regions.two_factor import requires_two_factor
    from tests.conftest import current_totp, give_two_factor_device
    from tests.factories import PASSWORD

    def _sign_in(user):
        device = give_two_factor_device(user) if requires_two_factor(user) else None
        page.goto("/accounts/login/")
        page.get_by_label("Gebruikersnaam").fill(user.username)
        page.get_by_label("Wachtwoord").fill(PASSWORD)
        page.get_by_role("button", name="Inloggen").last.click()
        if device is not None:
            page.wait_for_url("**/accounts/2fa/verify/**")
            page.get_by_label("Code").fill(current_totp(device))
            page.get_by_role("button", name="Doorgaan").click()
        page.wait_for_url("**/portal/")

    return _sign_in
