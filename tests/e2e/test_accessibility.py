"""Every page of the foundation passes axe-core (WCAG 2.1 A/AA) in Chromium, satisfies the CSP,
and can be used with the keyboard alone."""

import pytest

from tests.e2e.axe import axe_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PUBLIC_PAGES = ["/", "/accounts/login/", "/accounts/password_reset/", "/bestaat-niet/"]


def _assert_clean(page):
    violations = axe_violations(page)
    assert violations == [], "\n".join(violations)
    csp = [p for p in page.console_problems if "Content Security Policy" in p]
    assert csp == [], csp


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_are_accessible(page, path, world):
    page.goto(path)
    _assert_clean(page)


def test_statements_are_reachable_from_the_footer(page, world):
    from cms import demo

    demo.build()
    page.goto("/")
    page.get_by_role("link", name="Toegankelijkheidsverklaring").click()
    page.wait_for_url("**/toegankelijkheid/")
    assert page.get_by_role("heading", level=1).inner_text() == "Toegankelijkheidsverklaring"
    _assert_clean(page)
    page.goto("/privacy/")
    _assert_clean(page)


@pytest.mark.parametrize(
    ("username", "paths"),
    [
        (
            "office",
            [
                "/portal/",
                "/portal/regions/",
                "/portal/regions/regio-a/",
                "/portal/regions/regio-a/manage/",
                "/portal/organisations/lid-a/",
                "/accounts/password_change/",
                "/portal/audit/",
                "/accounts/2fa/",
                "/accounts/2fa/setup/",
            ],
        ),
        ("team_a", ["/portal/", "/portal/regions/regio-a/", "/accounts/2fa/setup/", "/portal/my-data/"]),
        ("team_a", ["/portal/regions/regio-a/checklist/", "/portal/regions/regio-a/checklist/1/"]),
        ("reviewer_a", ["/portal/", "/portal/regions/", "/portal/regions/regio-b/"]),
    ],
)
def test_portal_pages_are_accessible(page, sign_in, world, username, paths):
    from learning.models import Advice
    from learning.services import region_advices_set

    region_advices_set(region=world.region_a, advices=Advice.objects.filter(is_core=True))
    sign_in(world[username])
    for path in paths:
        page.goto(path)
        _assert_clean(page)


def test_form_errors_are_announced_and_accessible(page, world):
    page.goto("/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill("niemand")
    page.get_by_label("Wachtwoord").fill("fout-wachtwoord")
    page.get_by_role("button", name="Inloggen").last.click()
    alert = page.get_by_role("alert")
    assert "Corrigeer het volgende" in alert.inner_text()
    assert page.get_by_label("Gebruikersnaam").input_value() == "niemand"
    _assert_clean(page)


def test_keyboard_only_skip_link_menu_and_sign_in(page, world):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Direct naar de inhoud"
    page.keyboard.press("Enter")
    page.wait_for_url("**/#main")
    assert page.evaluate("document.activeElement.id") == "main"

    # Tab through the header to the sign-in link and follow it with Enter.
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Inloggen":
            break
    page.keyboard.press("Enter")
    page.wait_for_url("**/accounts/login/")

    from tests.factories import PASSWORD

    page.get_by_label("Gebruikersnaam").focus()
    page.keyboard.type(world["team_a"].username)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/portal/")
    assert page.get_by_role("heading", level=1).inner_text() == "Mijn omgeving"


def test_language_switch_to_english_and_back(page, world):
    page.goto("/accounts/login/")
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/accounts/login/")
    assert page.get_by_role("heading", level=1).inner_text() == "Sign in"
    assert page.evaluate("document.documentElement.lang") == "en"
    _assert_clean(page)
    page.get_by_role("link", name="Nederlands").click()
    page.wait_for_url("**/accounts/login/")
    assert page.get_by_role("heading", level=1).inner_text() == "Inloggen"


def test_narrow_screen_has_no_horizontal_scroll(page, sign_in, world):
    page.set_viewport_size({"width": 320, "height": 640})
    sign_in(world["office"])
    for path in ["/", "/portal/", "/portal/regions/", "/portal/regions/regio-a/manage/"]:
        page.goto(path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 320px"
