"""Reminders before the due date and when overdue: e-mail through the task queue, exactly once per
report and moment, with a fixed clock."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from tests.workflows.reporting.conftest import make_round, write
from workflows.core import services as core_services
from workflows.reporting import services as reporting_services
from workflows.reporting.models import ReportReminder

TZ = datetime.timezone(datetime.timedelta(hours=1))


@pytest.fixture
def due_round(reporting_world):
    """A round due on 1 March 2026, opened on 1 February."""
    with time_machine.travel(datetime.datetime(2026, 2, 1, 9, 0, tzinfo=TZ), tick=False):
        reporting_round = make_round(
            "Tweede helft 2025",
            period_start=datetime.date(2025, 7, 1),
            period_end=datetime.date(2025, 12, 31),
            opens_on=datetime.date(2026, 2, 1),
            due_on=datetime.date(2026, 3, 1),
        )
        reporting_services.round_open(reporting_round=reporting_round, by=reporting_world["office"])
    reporting_world.round = reporting_round
    return reporting_world


def _run(day):
    mail.outbox.clear()
    with time_machine.travel(datetime.datetime(*day, 6, 0, tzinfo=TZ), tick=False):
        call_command("send_report_reminders")
    return [m for m in mail.outbox]


def test_reminders_fire_exactly_once_per_moment(due_round):
    world = due_round
    assert _run((2026, 2, 10)) == []  # 19 days before: nothing yet
    soon = _run((2026, 2, 22))  # 7 days before
    assert sorted(m.to[0] for m in soon) == sorted([world["team_a"].email, world["team_b"].email])
    assert "Herinnering" in soon[0].subject and "1 maart 2026" in soon[0].body
    assert _run((2026, 2, 22)) == []  # the same day again
    assert _run((2026, 2, 25)) == []  # a later day before the due date
    assert _run((2026, 3, 1)) == []  # on the due date: not overdue yet
    late = _run((2026, 3, 2))
    assert len(late) == 2 and "te laat" in late[0].subject
    assert _run((2026, 3, 9)) == []
    assert ReportReminder.objects.count() == 4
    assert set(ReportReminder.objects.values_list("moment", flat=True)) == {"due_soon", "overdue"}


def test_a_late_first_run_sends_only_the_overdue_reminder(due_round):
    late = _run((2026, 3, 5))
    assert len(late) == 2 and all("te laat" in m.subject for m in late)
    assert not ReportReminder.objects.filter(moment="due_soon").exists()


def test_submitted_reports_are_not_reminded(due_round):
    world = due_round
    write(world.round.reports.get(region=world.region_a), world["team_a"])
    reporting_services.report_submit(report=world.round.reports.get(region=world.region_a), user=world["team_a"])
    soon = _run((2026, 2, 23))
    assert [m.to for m in soon] == [[world["team_b"].email]]


def test_questions_back_to_the_region_count_as_still_due(due_round):
    """A report returned with questions is again the region's to finish: it gets the overdue reminder."""
    from tests.workflows.reporting.conftest import open_task
    from workflows.reporting.flows import ReportingFlow

    world = due_round
    report = world.round.reports.get(region=world.region_a)
    write(report, world["team_a"])
    reporting_services.report_submit(report=report, user=world["team_a"])
    task = open_task(report, ReportingFlow.review)
    core_services.task_claim(task=task, user=world["reviewer_a"])
    task.refresh_from_db()
    reporting_services.review_complete(task=task, user=world["reviewer_a"], outcome="questions", message="Vraag?")
    late = _run((2026, 3, 3))
    assert world["team_a"].email in {m.to[0] for m in late}


def test_reminders_go_through_the_task_queue(due_round, settings):
    from django_tasks import default_task_backend  # noqa: F401

    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"},
        "email": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"},
    }
    from django_tasks import task_backends

    _run((2026, 2, 22))
    assert mail.outbox == []  # nothing is sent by the command itself
    results = task_backends["email"].results
    assert len(results) == 2
    assert results[0].task.name == "send_email"
