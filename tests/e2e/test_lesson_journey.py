"""A region team shares a lesson in the browser; after approval the public finds it in the library
(search, filter, lesson page). Every page is checked with axe-core and the strict CSP."""

import re

import pytest

from learning.models import LessonTheme
from tests.e2e.axe import axe_violations
from workflows.core import services as core_services
from workflows.sharing import services
from workflows.sharing.flows import LessonFlow
from workflows.sharing.models import LessonSubmission

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_team_shares_a_lesson_and_the_public_finds_it(page, browser, live_server, sign_in, world):
    LessonTheme.objects.get_or_create(slug="thuiszitters", defaults={"name": "Thuiszitters"})
    sign_in(world["team_a"])
    page.goto("/portal/lessons/")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Een nieuwe les schrijven").click()
    page.get_by_role("button", name="Beginnen met schrijven").click()
    page.wait_for_url("**/write/**")
    assert axe_violations(page) == []

    # Submitting too early: the error summary names what is missing, what was typed is kept.
    page.get_by_label("Titel").fill("Samenwerkingsverbanden en wijkteams op één werkvloer")
    page.get_by_label("Samenvatting").fill("Consulenten en wijkteams werken twee dagen per week samen.")
    page.get_by_role("button", name="Opslaan en indienen").click()
    alert = page.get_by_role("alert")
    assert "Corrigeer het volgende" in alert.inner_text()
    assert page.get_by_label("Titel").input_value() == "Samenwerkingsverbanden en wijkteams op één werkvloer"
    assert axe_violations(page) == []

    page.get_by_label("De situatie").fill("Consulenten en wijkteams kenden elkaar nauwelijks.")
    page.get_by_label("Wat we deden").fill("Eén kantoor op dinsdag en donderdag.")
    page.get_by_label("Wat werkte").fill("Snelle, informele afstemming.")
    page.get_by_label(re.compile(r"\b1\. ")).check()
    page.get_by_label("Thuiszitters").check()
    page.get_by_label("Contactpersoon").fill("Eva Mulder")
    page.get_by_role("button", name="Opslaan en indienen").click()
    page.wait_for_url(re.compile(r".*/portal/lessons/\d+/$"))
    assert "Uw les is ingediend" in page.content()
    assert axe_violations(page) == []

    submission = LessonSubmission.objects.get(region=world.region_a)
    task = core_services.open_task(submission, LessonFlow.review)
    core_services.task_claim(task=task, user=world["reviewer_a"])
    services.review_complete(task=task, user=world["reviewer_a"], outcome="approve")
    submission.refresh_from_db()

    public = browser.new_context(base_url=live_server.url, locale="nl-NL").new_page()
    problems = []
    public.on("console", lambda message: message.type == "error" and problems.append(message.text))
    public.goto(submission.page.get_parent().url)
    public.get_by_role("searchbox").fill("wijkteams")
    public.get_by_role("button", name="Lessen tonen").click()
    public.wait_for_url("**q=wijkteams**")
    assert axe_violations(public) == []
    public.get_by_role("link", name="Samenwerkingsverbanden en wijkteams op één werkvloer").click()
    assert public.get_by_role("heading", level=1).inner_text() == "Samenwerkingsverbanden en wijkteams op één werkvloer"
    assert "Eva Mulder" not in public.content()  # no consent was given
    assert axe_violations(public) == []
    csp = [p for p in problems + page.console_problems if "Content Security Policy" in p]
    assert csp == []
