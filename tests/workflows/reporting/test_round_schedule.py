"""Rounds open by themselves on their opening day (the daily command), once, never after the due date."""

import datetime

import time_machine
from django.core.management import call_command

from tests.workflows.reporting.conftest import make_round
from workflows.reporting.models import ProgressReport


def _run_daily(day: datetime.date) -> None:
    with time_machine.travel(datetime.datetime.combine(day, datetime.time(6, 0)), tick=False):
        call_command("send_report_reminders")


def test_the_daily_command_opens_a_round_on_its_opening_day_once(reporting_world):
    reporting_round = make_round(due_in_days=60)
    opens = reporting_round.opens_on
    _run_daily(opens - datetime.timedelta(days=1))
    assert not ProgressReport.objects.exists()
    _run_daily(opens)
    reporting_round.refresh_from_db()
    assert reporting_round.opened_at is not None
    assert set(ProgressReport.objects.values_list("region__slug", flat=True)) == {"regio-a", "regio-b"}
    _run_daily(opens + datetime.timedelta(days=1))
    assert ProgressReport.objects.count() == 2


def test_a_round_past_its_due_date_is_not_opened_late(reporting_world):
    reporting_round = make_round(due_in_days=-1)
    _run_daily(reporting_round.due_on + datetime.timedelta(days=1))
    reporting_round.refresh_from_db()
    assert reporting_round.opened_at is None
    assert not ProgressReport.objects.exists()
