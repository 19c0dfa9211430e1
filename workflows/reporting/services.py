"""Writes of progress reporting: reporting rounds, the region's draft, and the steps of the reporting
flow. Every step of a task runs under the process lock on a freshly read task (workflows.core.services):
two people acting on the same task at once, or a form posted twice, give one transition and a
TaskNotAvailable for the other. Saving a draft changes no task."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from viewflow.workflow.models import Task
from wagtail.log_actions import log

from learning.models import RegionAdvice
from learning.selectors import checklist_snapshot
from learning.services import indicator_value_save
from regions.models import Region, User
from regions.services import region_document_add
from workflows.core.nodes import task_url
from workflows.core.services import TaskNotAvailable, open_task, record_submit, task_complete
from workflows.reporting import notifications
from workflows.reporting.flows import ReportingFlow
from workflows.reporting.models import (
    ProgressReport,
    ProgressReportVersion,
    ReportEvent,
    ReportIndicator,
    ReportingRound,
    ReportNarrative,
    ReportReminder,
    round_dates_check,
)

State = ProgressReport.State
OUTCOMES = ("accept", "questions")
REMINDER_DAYS_BEFORE = 7

__all__ = ["TaskNotAvailable", "report_draft_save", "report_submit", "review_complete", "round_open"]


# --- Rounds ---------------------------------------------------------------------------------------
@transaction.atomic
def reporting_round_save(*, reporting_round: ReportingRound | None = None, data: dict, by=None) -> ReportingRound:
    """Create or change a reporting round (its dates checked); an opened round keeps its period."""
    reporting_round = reporting_round or ReportingRound()
    if reporting_round.opened_at and (
        data.get("period_start", reporting_round.period_start) != reporting_round.period_start
        or data.get("period_end", reporting_round.period_end) != reporting_round.period_end
    ):
        raise ValidationError({"period_start": _("The period of a round that has opened cannot change.")})
    for field in ("name", "period_start", "period_end", "opens_on", "due_on"):
        if field in data:
            setattr(reporting_round, field, data[field])
    round_dates_check(reporting_round)
    reporting_round.full_clean(exclude=["opened_at"], validate_constraints=False)
    new = reporting_round.pk is None
    reporting_round.save()
    log(reporting_round, "reporting.round_save", user=by, data={"new": new, "due_on": str(reporting_round.due_on)})
    return reporting_round


def round_open(*, reporting_round: ReportingRound, by: User | None = None) -> int:
    """Open a round: every active region without a report in it gets one (a draft assigned to its
    team, with its own process). Opening again adds reports for regions that became active since;
    returns the number of reports created."""
    with transaction.atomic():
        reporting_round = ReportingRound.objects.select_for_update().get(pk=reporting_round.pk)
        if reporting_round.opened_at is None:
            reporting_round.opened_at = timezone.now()
            reporting_round.save(update_fields=["opened_at"])
            log(reporting_round, "reporting.round_open", user=by)
    created = 0
    have = set(reporting_round.reports.values_list("region_id", flat=True))
    for region in Region.objects.filter(status=Region.Status.ACTIVE).exclude(pk__in=have).order_by("name"):
        try:
            with transaction.atomic():
                report = ProgressReport.objects.create(region=region, round=reporting_round)
                ReportEvent.objects.create(report=report, kind=ReportEvent.Kind.OPENED, actor=by)
                ReportingFlow.start.run(record=report)
        except IntegrityError:
            continue  # opened at the same moment by someone else: that report exists
        created += 1
    return created


def rounds_open_due(*, today: datetime.date | None = None) -> list[ReportingRound]:
    """Open every round whose opening day has come and whose due date has not passed (run daily by
    ``send_report_reminders``); rounds opened by hand are left alone. Returns the rounds opened."""
    today = today or timezone.localdate()
    due = list(ReportingRound.objects.filter(opened_at__isnull=True, opens_on__lte=today, due_on__gte=today))
    for reporting_round in due:
        round_open(reporting_round=reporting_round)
    return due


# --- The region's draft ---------------------------------------------------------------------------
@transaction.atomic
def report_draft_save(
    *, report: ProgressReport, user, next_steps: str, narratives: dict, indicators: list, files=()
) -> ProgressReport:
    """Store what the region typed (a draft may be incomplete): next steps, a narrative per advice
    ({advice id: {"changed", "helped", "blocked"}}), the reported indicator values (replacing the
    earlier list) and any uploaded appendices."""
    report = ProgressReport.objects.select_for_update(of=("self",)).select_related("region", "round").get(pk=report.pk)
    if not report.is_editable:
        raise ValidationError(_("This report cannot be changed now."))
    advice_ids = set(RegionAdvice.objects.filter(region=report.region).values_list("advice_id", flat=True))
    keys = set()
    for row in indicators:
        key = (row["school_type"], row["year"])
        if key in keys:
            raise ValidationError(_("Each school type and year can be reported once."))
        keys.add(key)
    report.next_steps = next_steps or ""
    report.updated_by = user
    report.save(update_fields=["next_steps", "updated_by", "updated_at"])
    for advice_id, texts in narratives.items():
        if int(advice_id) not in advice_ids:
            continue
        ReportNarrative.objects.update_or_create(
            report=report,
            advice_id=int(advice_id),
            defaults={key: (texts.get(key) or "") for key in ("changed", "helped", "blocked")},
        )
    report.indicators.all().delete()
    ReportIndicator.objects.bulk_create(
        [
            ReportIndicator(
                report=report,
                school_type=row["school_type"],
                year=row["year"],
                value=row["value"],
                source=row["source"],
            )
            for row in indicators
        ]
    )
    for uploaded in files:
        report.documents.add(region_document_add(region=report.region, uploaded_file=uploaded, user=user))
    log(report.region, "reporting.report_save", user=user, data={"report": report.pk})
    return report


def report_missing(report: ProgressReport) -> list[str]:
    """What still has to be written before the report can be submitted (translated)."""
    missing = []
    written = {n.advice_id for n in report.narratives.all() if n.changed.strip()}
    for region_advice in RegionAdvice.objects.filter(region=report.region).select_related("advice"):
        if region_advice.advice_id not in written:
            missing.append(_("what changed for advice %(number)s") % {"number": region_advice.advice.number})
    if not report.next_steps.strip():
        missing.append(_("the next steps"))
    return missing


# --- Steps of the flow ------------------------------------------------------------------------------
def _version_data(report: ProgressReport) -> dict:
    return {
        "region": report.region.name,
        "round": report.round.name,
        "next_steps": report.next_steps,
        "narratives": [
            {
                "advice_id": n.advice_id,
                "advice": str(n.advice),
                "changed": n.changed,
                "helped": n.helped,
                "blocked": n.blocked,
            }
            for n in report.narratives.select_related("advice")
        ],
        "indicators": [
            {"school_type": i.school_type, "year": i.year, "value": str(i.value), "source": i.source}
            for i in report.indicators.all()
        ],
        "documents": [{"id": d.pk, "name": d.name} for d in report.documents.all()],
        "snapshot": report.snapshot,
    }


def report_submit(*, report: ProgressReport, user: User, at=None) -> ProgressReport:
    """The region's team submits the report (first time, or its answer to questions): the checklist
    is snapshotted, the text frozen as a new version, the indicator values recorded for the region,
    and the report goes to review. ``at`` (demo data only) dates the snapshot in the past."""

    def do(task, report, activation):
        missing = report_missing(report)
        if missing:
            raise ValidationError(_("Before you submit, fill in: %(missing)s.") % {"missing": ", ".join(missing)})
        now = at or timezone.now()
        report.snapshot = checklist_snapshot(report.region, at=at)
        report.version += 1
        report.state = State.SUBMITTED
        report.submitted_at = now
        report.updated_by = user
        report.save()
        ProgressReportVersion.objects.create(
            report=report, number=report.version, data=_version_data(report), submitted_by=user, submitted_at=now
        )
        ReportEvent.objects.create(
            report=report, kind=ReportEvent.Kind.SUBMITTED, actor=user, version=report.version, created_at=now
        )
        for value in report.indicators.all():
            indicator_value_save(
                region=report.region,
                school_type=value.school_type,
                year=value.year,
                value=value.value,
                source=value.source,
                user=user,
            )
        log(report.region, "reporting.report_submit", user=user, data={"report": report.pk, "version": report.version})
        return report

    return record_submit(record=report, user=user, node=ReportingFlow.fill, do=do)


def review_complete(*, task: Task, user: User, outcome: str, message: str = "") -> ProgressReport:
    """The reviewer accepts the report or sends questions back to the region (with the questions)."""
    if outcome not in OUTCOMES:
        raise ValidationError(_("Choose an outcome."))
    if outcome == "questions" and not (message or "").strip():
        raise ValidationError(_("Write the questions for the region."))

    def do(task, report, activation):
        activation.process.data = {**(activation.process.data or {}), "outcome": outcome}
        activation.process.save(update_fields=["data"])
        kind = ReportEvent.Kind.ACCEPTED if outcome == "accept" else ReportEvent.Kind.QUESTIONS
        ReportEvent.objects.create(report=report, kind=kind, actor=user, version=report.version, message=message)
        if outcome == "accept":
            report.state = State.ACCEPTED
            report.accepted_at = timezone.now()
            report.save(update_fields=["state", "accepted_at", "updated_at"])
            notifications.report_accepted(report=report, message=message)
        log(report.region, "reporting.report_review", user=user, data={"report": report.pk, "outcome": outcome})
        return report

    return task_complete(task=task, user=user, node=ReportingFlow.review, do=do)


def task_created(task: Task) -> None:
    """A new human task: the report now waits for it, and the people who can take it hear so."""
    report = ProgressReport.objects.select_related("region", "round").get(process_id=task.process_id)
    if task.flow_task == ReportingFlow.fill:
        waiting = State.QUESTIONS if report.version >= 1 else State.DRAFT
    else:
        waiting = State.SUBMITTED
    if report.state != waiting:
        report.state = waiting
        report.save(update_fields=["state", "updated_at"])
    notifications.task_created(task=task, report=report)


# --- Reminders ------------------------------------------------------------------------------------
def report_page_url(report: ProgressReport) -> str:
    """Where the region's team works on ``report``: its open writing task, or else the report page."""
    task = open_task(report, ReportingFlow.fill)
    return task_url(task) if task is not None else report.get_absolute_url()


def report_reminders_send(*, today=None, days_before: int = REMINDER_DAYS_BEFORE) -> dict[str, int]:
    """Remind the teams of reports still with the region: once ``days_before`` days (or fewer) before
    the due date, and once when overdue. A ReportReminder row (unique per report and moment) is
    written in the same transaction as the queued e-mail, so each moment fires exactly once even
    when the command runs again, late, or twice at the same time."""
    today = today or timezone.localdate()
    candidates = (
        ProgressReport.objects.filter(
            state__in=ProgressReport.EDITABLE,
            round__opened_at__isnull=False,
            round__due_on__lte=today + datetime.timedelta(days=days_before),
        )
        .select_related("region", "round")
        .order_by("round__due_on", "pk")
    )
    sent = {ReportReminder.Moment.DUE_SOON: 0, ReportReminder.Moment.OVERDUE: 0}
    for report in candidates:
        overdue = report.round.due_on < today
        moment = ReportReminder.Moment.OVERDUE if overdue else ReportReminder.Moment.DUE_SOON
        if ReportReminder.objects.filter(report=report, moment=moment).exists():
            continue
        try:
            with transaction.atomic():
                reminder = ReportReminder.objects.create(report=report, moment=moment)
                reminder.recipients = notifications.reminder(
                    report=report,
                    overdue=overdue,
                    days_left=(report.round.due_on - today).days,
                    url=report_page_url(report),
                )
                reminder.save(update_fields=["recipients"])
        except IntegrityError:
            continue  # another run sent this one a moment ago
        sent[moment] += 1
    return {str(moment): count for moment, count in sent.items()}
