"""The public site in Chromium: every page type passes axe-core (WCAG 2.1 A/AA) without CSP
violations, the menu and the contact form work with the keyboard alone, and nothing scrolls
sideways at 320 px."""

import pytest

from tests.cms.conftest import public_site  # noqa: F401  (the compact site with one page of each type)
from tests.e2e.axe import axe_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAGE_KEYS = [
    "content",
    "news_index",
    "news",
    "meeting_index",
    "meeting",
    "past_meeting",
    "newsletter_index",
    "newsletter",
    "advice_index",
    "advice",
    "step_index",
    "step",
    "region_index",
    "region",
    "members",
    "form",
]


def _urls(site):
    return ["/", *[site[key].url for key in PAGE_KEYS], "/zoeken/?q=regio"]


def _assert_clean(page, url):
    violations = axe_violations(page)
    assert violations == [], f"{url}:\n" + "\n".join(violations)
    csp = [p for p in page.console_problems if "Content Security Policy" in p]
    assert csp == [], f"{url}: {csp}"


def test_every_public_page_type_is_accessible(page, public_site):  # noqa: F811
    # Video players come from outside; the sandbox has no internet, so answer them with an empty page.
    page.route("https://www.youtube-nocookie.com/**", lambda route: route.fulfill(body="<title>Video</title>"))
    for url in _urls(public_site):
        page.goto(url)
        _assert_clean(page, url)


def test_form_errors_and_thank_you_page_are_accessible(page, public_site):  # noqa: F811
    page.goto(public_site["form"].url)
    page.get_by_role("button", name="Versturen").click()
    assert "Corrigeer het volgende" in page.get_by_role("alert").inner_text()
    _assert_clean(page, "contact with errors")


def test_menu_works_with_the_keyboard_alone(page, public_site):  # noqa: F811
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Direct naar de inhoud"
    seen = []
    for _ in range(15):
        page.keyboard.press("Tab")
        text = page.evaluate("document.activeElement.textContent.trim()")
        seen.append(text)
        if text == "Nieuws":
            break
    assert seen[-1] == "Nieuws", seen
    # The focused link is visibly outlined.
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    page.wait_for_url("**/nieuws/")
    assert page.get_by_role("heading", level=1).inner_text() == "Nieuws"
    current = page.locator('.site-nav a[aria-current="page"]')
    assert current.inner_text() == "Nieuws"


def test_contact_form_with_the_keyboard_alone_keeps_input_on_errors(page, public_site):  # noqa: F811
    page.goto(public_site["form"].url)
    page.get_by_label("Naam").focus()
    page.keyboard.type("Sanne de Vries")
    page.keyboard.press("Tab")
    page.keyboard.type("geen-adres")
    page.keyboard.press("Tab")
    page.keyboard.type("Hoe kan onze regio meedoen?")
    page.wait_for_timeout(3000)  # people take a few seconds; a form sent faster is refused as spam
    page.keyboard.press("Tab")  # the honeypot is hidden, so the next stop is the send button
    assert page.evaluate("document.activeElement.textContent.trim()") == "Versturen"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    alert = page.get_by_role("alert")
    assert alert.inner_text().splitlines()[1:] == ["E-mailadres: Voer een geldig e-mailadres in."]
    assert page.get_by_label("Naam").input_value() == "Sanne de Vries"
    assert page.get_by_label("Bericht").input_value() == "Hoe kan onze regio meedoen?"

    # Follow the error summary's link to the field, correct it and send.
    alert.get_by_role("link").first.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_e_mailadres"
    page.keyboard.press("Control+A")
    page.keyboard.type("sanne@example.org")
    page.get_by_role("button", name="Versturen").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Bedankt voor uw bericht." in page.get_by_role("status").inner_text()


def test_public_pages_do_not_scroll_sideways_at_320px(page, public_site):  # noqa: F811
    page.route("https://www.youtube-nocookie.com/**", lambda route: route.fulfill(body="<title>Video</title>"))
    page.set_viewport_size({"width": 320, "height": 640})
    for url in _urls(public_site):
        page.goto(url)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{url} scrolls sideways by {overflow}px at 320px"


def test_step_page_prints_without_navigation(page, public_site):  # noqa: F811
    page.goto(public_site["step"].url)
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".step-nav").is_visible()
    assert page.get_by_role("heading", name="Richtvragen").is_visible()


def test_narrow_menu_opens_and_closes_with_the_keyboard(page, public_site):  # noqa: F811
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto("/")
    menu = page.get_by_role("button", name="Menu")
    assert menu.get_attribute("aria-expanded") == "false"
    assert not page.locator("#site-nav").is_visible()
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")  # brand
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Menu"
    page.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")  # closes again and returns to the button
    assert menu.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.textContent.trim()") == "Menu"
    page.keyboard.press("Space")
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Nieuws":
            break
    page.keyboard.press("Enter")
    page.wait_for_url("**/nieuws/")
    _assert_clean(page, "narrow menu")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
