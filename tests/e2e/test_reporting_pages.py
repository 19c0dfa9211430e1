"""The progress-report pages in the browser: a team fills its report (with a mistake first), a
reviewer takes the review; every page passes axe-core (WCAG 2.1 AA) on the way."""

import pytest

from learning.models import Advice
from learning.services import region_advices_set
from tests.e2e.axe import axe_violations
from tests.workflows.reporting.conftest import make_round, open_task, write
from workflows.core.nodes import task_url
from workflows.reporting import services as reporting_services
from workflows.reporting.flows import ReportingFlow

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def opened(world, settings):
    immediate = {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    settings.TASKS = {"default": immediate, "email": immediate}
    for region in (world.region_a, world.region_b):
        region_advices_set(region=region, advices=Advice.objects.filter(is_core=True))
    world.round = make_round()
    reporting_services.round_open(reporting_round=world.round, by=world["office"])
    world.report_a = world.region_a.progress_reports.get(round=world.round)
    return world


def _clean(page):
    assert axe_violations(page) == [], page.url


def test_team_fills_in_and_reviewer_takes_the_review(page, sign_in, opened):
    sign_in(opened["team_a"])
    page.goto("/portal/reports/")
    _clean(page)
    page.goto(task_url(open_task(opened.report_a, ReportingFlow.fill)))
    _clean(page)
    page.locator("input[name$='-value']").first.fill("140")
    page.get_by_role("button", name="Concept opslaan").click()
    assert page.get_by_role("alert").count() >= 1
    _clean(page)

    write(opened.report_a, opened["team_a"])
    reporting_services.report_submit(report=opened.report_a, user=opened["team_a"])
    page.goto(f"/portal/reports/{opened.report_a.pk}/")
    _clean(page)
    page.goto(f"/portal/reports/regions/{opened.region_a.slug}/")
    _clean(page)

    page.context.clear_cookies()
    sign_in(opened["reviewer_a"])
    page.goto(task_url(open_task(opened.report_a, ReportingFlow.review)))
    _clean(page)
    page.get_by_role("button", name="Taak oppakken").click()
    _clean(page)
    page.get_by_role("button", name="Beoordeling versturen").click()
    assert page.get_by_role("alert").count() >= 1  # no outcome chosen: the error summary is announced
    _clean(page)


def test_office_round_form_and_public_progress(page, sign_in, opened):
    sign_in(opened["office"])
    page.goto("/portal/reports/rounds/new/")
    _clean(page)
    page.goto("/portal/reports/")
    _clean(page)
    page.context.clear_cookies()
    page.goto("/voortgang/")
    _clean(page)
