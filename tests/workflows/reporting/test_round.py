"""One whole reporting round through HTTP: the programme office sets and opens it, the region
writes (drafts kept, errors keep what was typed) and submits, the paired organisation asks
questions, the region answers, the report is accepted. Versions and e-mails along the way."""

import datetime

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from learning.models import Advice, IndicatorValue
from tests.workflows.reporting.conftest import open_task
from workflows.core.nodes import task_url
from workflows.reporting.flows import ReportingFlow
from workflows.reporting.models import ProgressReport, ReportingRound


def _form_data(report, **overrides):
    data = {
        "action": "save",
        "next_steps": "Uitbreiden naar het vo.",
        "indicators-TOTAL_FORMS": "2",
        "indicators-INITIAL_FORMS": "0",
        "indicators-0-school_type": "po",
        "indicators-0-year": "2024",
        "indicators-0-value": "11.5",
        "indicators-0-source": "Monitor AOJ 2024",
    }
    for advice in Advice.objects.filter(is_core=True):
        data[f"advice-{advice.pk}-changed"] = f"Bij advies {advice.number} werken scholen en wijkteams samen."
        data[f"advice-{advice.pk}-helped"] = "Een vaste contactpersoon."
        data[f"advice-{advice.pk}-blocked"] = "Wachtlijsten."
    data.update(overrides)
    return data


def test_a_whole_round_from_opening_to_accepted(client, login, reporting_world):
    world = reporting_world
    today = timezone.localdate()
    # The programme office sets the round in the portal and opens it.
    login(world["office"])
    response = client.post(
        reverse("reports:round_create"),
        {
            "name": "Tweede helft 2025",
            "period_start": (today - datetime.timedelta(days=200)).isoformat(),
            "period_end": (today - datetime.timedelta(days=10)).isoformat(),
            "opens_on": today.isoformat(),
            "due_on": (today + datetime.timedelta(days=30)).isoformat(),
        },
    )
    assert response.status_code == 302
    reporting_round = ReportingRound.objects.get(name="Tweede helft 2025")
    mail.outbox.clear()
    response = client.post(reverse("reports:round_edit", args=[reporting_round.pk]), {"action": "open"})
    assert response.status_code == 302
    report = ProgressReport.objects.get(region=world.region_a, round=reporting_round)
    assert report.state == "draft"
    assert ProgressReport.objects.filter(round=reporting_round).count() == 2
    assert [m.to for m in mail.outbox if "Regio A" in m.subject] == [[world["team_a"].email]]
    # Opening twice creates nothing new.
    client.post(reverse("reports:round_edit", args=[reporting_round.pk]), {"action": "open"})
    assert ProgressReport.objects.filter(round=reporting_round).count() == 2

    # The region saves a draft, then submits.
    client.logout()
    login(world["team_a"])
    fill = task_url(open_task(report, ReportingFlow.fill))
    assert client.get(fill).status_code == 200
    assert client.post(fill, _form_data(report)).status_code == 302
    report.refresh_from_db()
    assert report.next_steps == "Uitbreiden naar het vo." and report.state == "draft"
    mail.outbox.clear()
    response = client.post(fill, _form_data(report, action="submit"))
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.state, report.version) == ("submitted", 1)
    assert {a["number"] for a in report.snapshot["advices"]} == {1, 4}
    assert IndicatorValue.objects.get(region=world.region_a, school_type="po", year=2024).value == 11.5
    reviewers = {address for m in mail.outbox for address in m.to}
    assert reviewers == {world["reviewer_a"].email, world["connector_a"].email}

    # The paired organisation takes the review and asks questions.
    client.logout()
    login(world["reviewer_a"])
    review = task_url(open_task(report, ReportingFlow.review))
    assert client.post(review, {"action": "claim"}).status_code == 302
    mail.outbox.clear()
    response = client.post(review, {"outcome": "questions", "message": "Hoe ging het met de wachtlijsten?"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == "questions"
    assert mail.outbox[0].to == [world["team_a"].email]
    assert "Hoe ging het met de wachtlijsten?" in mail.outbox[0].body

    # The region answers and submits again: a second version, the first one kept.
    client.logout()
    login(world["team_a"])
    fill = task_url(open_task(report, ReportingFlow.fill))
    page = client.get(fill)
    assert "Hoe ging het met de wachtlijsten?" in page.content.decode()
    advice = Advice.objects.get(number=1)
    response = client.post(
        fill, _form_data(report, action="submit", **{f"advice-{advice.pk}-blocked": "Wachtlijsten zijn korter."})
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.state, report.version) == ("submitted", 2)
    assert [v.number for v in report.versions.all()] == [2, 1]
    first = report.versions.get(number=1).data
    assert "Wachtlijsten." in [n["blocked"] for n in first["narratives"]]

    # Accepted.
    client.logout()
    login(world["connector_a"])
    review = task_url(open_task(report, ReportingFlow.review))
    client.post(review, {"action": "claim"})
    mail.outbox.clear()
    response = client.post(review, {"outcome": "accept", "message": "Mooi werk."})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == "accepted" and report.accepted_at is not None
    assert report.process.status == "DONE"
    assert mail.outbox[0].to == [world["team_a"].email]
    assert [e.kind for e in report.events.all()] == [
        "opened",
        "submitted",
        "questions",
        "submitted",
        "accepted",
    ]
    detail = client.get(report.get_absolute_url())
    assert detail.status_code == 200
    assert "Wachtlijsten zijn korter." in detail.content.decode()
