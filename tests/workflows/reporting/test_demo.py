"""The demo builds two past rounds with reports in every state, so the charts show a trend."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from regions.models import Region, User
from workflows.reporting.models import ProgressReport, ReportingRound
from workflows.reporting.selectors import region_progress_over_rounds

IMMEDIATE = {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}


@pytest.fixture
def demo(db, settings):
    settings.TASKS = {"default": IMMEDIATE, "email": IMMEDIATE}
    call_command("load_demo_data", verbosity=0)


def test_two_past_rounds_with_every_state_and_a_rising_trend(demo, client):
    rounds = list(ReportingRound.objects.order_by("due_on"))
    assert len(rounds) == 2 and all(r.opened_at for r in rounds)
    states = set(ProgressReport.objects.values_list("state", flat=True))
    assert states == {"draft", "submitted", "questions", "accepted"}
    assert ProgressReport.objects.filter(version__gte=1).count() >= 8
    rising = 0
    for region in Region.objects.filter(status=Region.Status.ACTIVE):
        reports, trends = region_progress_over_rounds(region)
        if len(reports) == 2:
            rising += sum(1 for t in trends if t.shares[1] is not None and t.shares[1] > (t.shares[0] or 0))
    assert rising >= 3
    # Running the demo again adds nothing.
    before = ProgressReport.objects.count()
    call_command("load_demo_data", verbosity=0)
    assert ProgressReport.objects.count() == before
    client.force_login(User.objects.get(username="programmabureau"))
    response = client.get(reverse("reports:overview"))
    assert response.status_code in (200, 302)
