"""The enrolment journey in the browser, as the people who make it: a new coordinator registers,
applies (with a refused upload on the way) and submits; the programme office does the intake; a
reviewer of the assigned organisation reviews; the office accepts; the region's public page is
there. axe-core checks every enrolment page type on the way (forms with errors, inbox, list,
application detail, task pages) for zero WCAG 2.1 AA violations."""

import re

import pytest
from django.core import mail

from cms.models import RegionPage
from learning.models import Advice
from tests.e2e.axe import axe_violations
from tests.factories import MunicipalityFactory
from workflows.enrolment.models import EnrolmentApplication

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "Zeer-Geheim-Wachtwoord-42"
IMMEDIATE = {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}


def accessible(page, what):
    problems = axe_violations(page)
    assert problems == [], (what, page.url, problems)
    csp = [p for p in page.console_problems if "Content Security Policy" in p]
    assert csp == [], (what, page.url, csp)


def exactly(label):
    """A label with exactly this text (Django adds a colon to field labels)."""
    return re.compile(rf"^\s*{re.escape(label)}:?\s*$")


def sign_out(page):
    page.context.clear_cookies()


def test_a_region_applies_is_reviewed_and_accepted(page, sign_in, world, settings):
    settings.TASKS = {"default": IMMEDIATE, "email": IMMEDIATE}
    municipality = MunicipalityFactory(name="Dordrecht")

    # 1. A new coordinator registers; a mistake first (the passwords differ), nothing typed is lost.
    page.goto("/portal/enrolment/register/")
    accessible(page, "register")
    page.get_by_label("Voornaam").fill("Rana")
    page.get_by_label("Achternaam").fill("Regio")
    page.get_by_label("E-mailadres").fill("rana@example.org")
    page.get_by_label("Naam van de regio die u wilt aanmelden").fill("Drechtsteden")
    page.get_by_label(exactly("Wachtwoord")).fill(PASSWORD)
    page.get_by_label("Wachtwoord nogmaals").fill(PASSWORD + "?")
    page.get_by_role("button", name="Account aanmaken").click()
    assert "De twee wachtwoorden verschillen." in page.get_by_role("alert").inner_text()
    assert page.get_by_label("Naam van de regio die u wilt aanmelden").input_value() == "Drechtsteden"
    accessible(page, "register with errors")
    page.get_by_label(exactly("Wachtwoord")).fill(PASSWORD)
    page.get_by_label("Wachtwoord nogmaals").fill(PASSWORD)
    page.get_by_role("button", name="Account aanmaken").click()
    page.wait_for_url("**/register/sent/")

    # 2. The confirmation link from the e-mail, then sign in: the draft application waits.
    link = re.search(r"http\S+", mail.outbox[-1].body).group(0)
    page.goto("/" + link.split("/", 3)[3])  # the path of the link (its host is SITE_URL)
    accessible(page, "confirm address")
    page.get_by_role("button", name="Mijn adres bevestigen").click()
    page.get_by_label("Gebruikersnaam").fill("rana@example.org")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").last.click()
    page.wait_for_url("**/portal/enrolment/applications/*/")
    accessible(page, "application detail (draft)")
    page.get_by_role("link", name="Vul de aanmelding in en dien haar in").click()
    page.wait_for_url("**/edit/")
    accessible(page, "application form")

    # 3. Half filled in, with a refused upload: an error, and everything typed stays.
    page.get_by_label("Ontwikkelvraag").fill("Hoe worden school en jeugdhulp in de Drechtsteden één team?")
    page.get_by_label("Onderbouwende documenten").set_input_files(
        [{"name": "virus.pdf", "mimeType": "application/pdf", "buffer": b"MZ\x90\x00" + b"\x00" * 300}]
    )
    page.get_by_role("button", name="Concept opslaan").click()
    assert "virus.pdf" in page.get_by_role("alert").first.inner_text()
    assert page.get_by_label("Ontwikkelvraag").input_value().startswith("Hoe worden school en jeugdhulp")
    accessible(page, "application form with errors")

    # 4. Complete it and submit.
    page.get_by_label("Gemeenten").select_option(str(municipality.pk))
    page.get_by_label("Partnerorganisaties").fill("Onderwijsgroep Drechtsteden\nJeugdhulp Zuid-Holland Zuid")
    for advice in Advice.objects.filter(is_core=True):
        page.locator(f'input[name="advices"][value="{advice.pk}"]').check()
    page.get_by_label("Ambitie").fill("Eén team rond elk kind, op elke school.")
    page.get_by_label("Geplande activiteiten").fill("Werkateliers en een ondersteuningsteam per school.")
    page.get_by_label("Openbare samenvatting").fill("De Drechtsteden organiseren onderwijs en jeugdhulp samen.")
    page.get_by_label("Eerste verbinder: naam").fill("Rana Regio")
    page.get_by_label("Eerste verbinder: e-mailadres").fill("rana@example.org")
    page.get_by_role("button", name="Aanmelding indienen").click()
    page.wait_for_url(re.compile(r".*/applications/\d+/$"))
    assert "Uw aanmelding is ingediend" in page.content()
    application = EnrolmentApplication.objects.get(region__name="Drechtsteden")
    assert application.status == "submitted"
    accessible(page, "application detail (submitted)")

    # 5. The programme office: inbox, intake task (take it, then the form), organisation A reviews.
    sign_out(page)
    sign_in(world["office"])
    page.get_by_role("link", name="Aanmeldingen: mijn taken").click()
    page.wait_for_url("**/portal/enrolment/")
    accessible(page, "inbox")
    page.get_by_role("link", name="Drechtsteden").click()
    accessible(page, "task page before taking it")
    page.get_by_role("button", name="Taak oppakken").click()
    page.get_by_label("Compleet: beoordelaars aanwijzen").check()
    page.get_by_label("Ledenorganisatie A").check()
    page.get_by_label(exactly("Coalitieverbinder")).select_option(str(world.org_a.pk))
    accessible(page, "intake form")
    page.get_by_role("button", name="Intake vastleggen").click()
    page.wait_for_url(re.compile(r".*/applications/\d+/$"))
    application.refresh_from_db()
    assert application.status == "in_review"

    # The list, filtered by status.
    page.goto("/portal/enrolment/applications/")
    page.get_by_label(exactly("Status")).select_option("in_review")
    page.get_by_role("button", name="Filteren").click()
    assert page.get_by_role("link", name="Drechtsteden").is_visible()
    accessible(page, "application list")

    # 6. A reviewer of organisation A reviews; a missing motivation first.
    sign_out(page)
    sign_in(world["reviewer_a"])
    page.goto("/portal/enrolment/")
    page.get_by_role("link", name="Drechtsteden").click()
    page.get_by_role("button", name="Taak oppakken").click()
    page.get_by_label(exactly("toelaten")).check()
    page.get_by_role("button", name="Beoordeling versturen").click()
    assert page.get_by_role("alert").is_visible()
    accessible(page, "review form with errors")
    page.get_by_label("Motivering").fill("Een helder plan met de twee kernadviezen.")
    page.get_by_role("button", name="Beoordeling versturen").click()
    page.wait_for_url(re.compile(r".*/applications/\d+/$"))
    accessible(page, "application detail (reviewer)")

    # 7. The office accepts.
    sign_out(page)
    sign_in(world["office"])
    page.goto("/portal/enrolment/")
    page.get_by_role("link", name="Drechtsteden").click()
    page.get_by_role("button", name="Taak oppakken").click()
    page.get_by_label("De regio toelaten").check()
    accessible(page, "decision form")
    page.get_by_role("button", name="Besluit vastleggen").click()
    page.wait_for_url(re.compile(r".*/applications/\d+/$"))
    application.refresh_from_db()
    assert application.status == "accepted"
    accessible(page, "application detail (accepted)")

    # 8. The region's public page exists, for everyone.
    sign_out(page)
    region_page = RegionPage.objects.get(region=application.region)
    response = page.goto(region_page.url)
    assert response.status == 200
    assert page.get_by_role("heading", name="Drechtsteden").first.is_visible()
