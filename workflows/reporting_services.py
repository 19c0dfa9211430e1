"""Writes of the reporting flow. Every state change of a task runs here, under the flow's lock
(``select_for_update_lock``) and in one transaction, after re-reading the task: two people acting
on the same task at once, or a form posted twice, give one transition and a TaskNotAvailable for
the other. Drafts are saved by learning.services.report_draft_save (no task change)."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS
from wagtail.log_actions import log

from learning import selectors as learning_selectors
from learning.models import ProgressReport, ProgressReportVersion, ReportEvent, ReportingRound
from learning.services import indicator_value_save, report_missing
from regions.models import Region, User
from workflows import reporting_notifications as notifications
from workflows import task_actions
from workflows.task_actions import TaskNotAvailable

State = ProgressReport.State
OUTCOMES = ("accept", "questions")

__all__ = ["TaskNotAvailable", "report_submit", "review_complete", "round_open", "task_claim", "task_release"]


def round_open(*, reporting_round: ReportingRound, by: User | None = None) -> int:
    """Open a round: every active region without a report in it gets one (a draft assigned to its
    team, with its own process). Opening again adds reports for regions that became active since;
    returns the number of reports created."""
    from workflows.reporting import ReportingFlow

    with transaction.atomic():
        reporting_round = ReportingRound.objects.select_for_update().get(pk=reporting_round.pk)
        if reporting_round.opened_at is None:
            reporting_round.opened_at = timezone.now()
            reporting_round.save(update_fields=["opened_at"])
            log(reporting_round, "learning.round_open", user=by)
    created = 0
    have = set(reporting_round.reports.values_list("region_id", flat=True))
    for region in Region.objects.filter(status=Region.Status.ACTIVE).exclude(pk__in=have).order_by("name"):
        try:
            with transaction.atomic():
                report = ProgressReport.objects.create(region=region, round=reporting_round)
                ReportEvent.objects.create(report=report, kind=ReportEvent.Kind.OPENED, actor=by)
                ReportingFlow.start.run(report=report)
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


def _report_for(task: Task) -> ProgressReport:
    return ProgressReport.objects.select_for_update().select_related("region", "round").get(process_id=task.process_id)


def _run_locked(task: Task, work):
    """Run ``work(task, report)`` under the process lock, on a freshly read task."""
    from workflows.reporting import ReportingFlow

    return task_actions.run_locked(ReportingFlow, task, _report_for, work)


def task_claim(*, task: Task, user: User) -> Task:
    """Take an open review task for oneself (colleagues no longer see it in their list)."""
    return task_actions.task_take(task=task, user=user, run=_run_locked, audit_on=lambda report: report.region)


def task_release(*, task: Task, user: User) -> Task:
    return task_actions.task_give_back(task=task, user=user, run=_run_locked, audit_on=lambda report: report.region)


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
    from workflows.reporting import ReportingFlow

    if report.process_id is None:
        raise TaskNotAvailable
    task = (
        Task.objects.filter(process_id=report.process_id, flow_task=ReportingFlow.fill)
        .exclude(status__in=[STATUS.DONE, STATUS.CANCELED])
        .order_by("-pk")
        .first()
    )
    if task is None:
        raise TaskNotAvailable

    def work(task, report):
        if task.flow_task != ReportingFlow.fill or task.status not in (STATUS.NEW, STATUS.ASSIGNED):
            raise TaskNotAvailable
        if not task.flow_task.can_assign(user, task) and not task.flow_task.can_execute(user, task):
            raise TaskNotAvailable
        if not report.is_editable:
            raise TaskNotAvailable
        missing = report_missing(report)
        if missing:
            raise ValidationError(_("Before you submit, fill in: %(missing)s.") % {"missing": ", ".join(missing)})
        activation = task.flow_task.activation_class(task)
        if task.status == STATUS.NEW:
            task.assigned = timezone.now()
            activation.assign(user)
        activation.start(None)
        now = at or timezone.now()
        report.snapshot = learning_selectors.checklist_snapshot(report.region, at=at)
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
        log(report.region, "learning.report_submit", user=user, data={"report": report.pk, "version": report.version})
        activation.execute()
        return report

    return _run_locked(task, work)


def review_complete(*, task: Task, user: User, outcome: str, message: str = "") -> ProgressReport:
    """The reviewer accepts the report or sends questions back to the region (with the questions)."""
    from workflows.reporting import ReportingFlow

    if outcome not in OUTCOMES:
        raise ValidationError(_("Choose an outcome."))
    if outcome == "questions" and not (message or "").strip():
        raise ValidationError(_("Write the questions for the region."))

    def work(task, report):
        if task.flow_task != ReportingFlow.review or task.status != STATUS.ASSIGNED:
            raise TaskNotAvailable
        if not task.flow_task.can_execute(user, task):
            raise TaskNotAvailable
        activation = task.flow_task.activation_class(task)
        activation.start(None)
        activation.process.data = {**(activation.process.data or {}), "outcome": outcome}
        activation.process.save(update_fields=["data"])
        kind = ReportEvent.Kind.ACCEPTED if outcome == "accept" else ReportEvent.Kind.QUESTIONS
        ReportEvent.objects.create(report=report, kind=kind, actor=user, version=report.version, message=message)
        if outcome == "accept":
            report.state = State.ACCEPTED
            report.accepted_at = timezone.now()
            report.save(update_fields=["state", "accepted_at", "updated_at"])
            notifications.report_accepted(report=report, message=message)
        log(report.region, "learning.report_review", user=user, data={"report": report.pk, "outcome": outcome})
        activation.execute()
        return report

    return _run_locked(task, work)


def task_created(*, task: Task) -> None:
    """A new human task: the report now waits for it, and the people who can take it hear so."""
    from workflows.reporting import ReportingFlow

    report = ProgressReport.objects.select_related("region", "round").get(process_id=task.process_id)
    if task.flow_task == ReportingFlow.fill:
        waiting = State.QUESTIONS if report.version >= 1 else State.DRAFT
    else:
        waiting = State.SUBMITTED
    if report.state != waiting:
        report.state = waiting
        report.save(update_fields=["state", "updated_at"])
    notifications.task_created(task=task, report=report)
