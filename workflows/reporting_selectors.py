"""Reads of the reporting flow. Each list is one scoped query (plus a fixed number of aggregate
queries), whatever the number of regions, rounds and reports: the scope comes from regions.access."""

from __future__ import annotations

from django.db.models import Q
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from learning import selectors as learning_selectors
from learning.models import ReportingRound
from regions import access

OPEN_TASK_STATUSES = (STATUS.NEW, STATUS.ASSIGNED, STATUS.STARTED)
OVERDUE_SHOWN = 50


def _with_urls(tasks):
    from workflows.nodes import task_url

    for task in tasks:
        task.url = task_url(task)
    return tasks


def open_tasks(*, user) -> list[Task]:
    """Open reporting tasks the user can take or has taken, oldest due date first (one query)."""
    tasks = (
        access.report_tasks_for(user)
        .filter(Q(status=STATUS.NEW) | Q(status__in=[STATUS.ASSIGNED, STATUS.STARTED], owner=user))
        .select_related("owner", "process__progress_report__region", "process__progress_report__round")
        .order_by("process__progress_report__round__due_on", "pk")
    )
    return _with_urls(list(tasks))


def report_tasks(report, *, user) -> list[Task]:
    """The open tasks of ``report`` that ``user`` may act on."""
    if report.process_id is None:
        return []
    return _with_urls(
        list(access.report_tasks_for(user).filter(process_id=report.process_id, status__in=OPEN_TASK_STATUSES))
    )


def overview(*, user) -> dict:
    """The overview page's data, scoped to ``user``: a fixed number of queries at any size."""
    reports = access.reports_for(user, access.REPORT_VIEW)
    regions = access.regions_for(user, access.REGION_VIEW).filter(status="active")
    may_manage = access.can_report(user, access.REPORT_MANAGE)
    overdue = learning_selectors.overdue_reports(reports)
    return {
        "tasks": open_tasks(user=user),
        "progress": learning_selectors.national_progress(regions),
        "region_count": regions.count(),
        "per_state": learning_selectors.reports_per_state(reports),
        "overdue": list(overdue[:OVERDUE_SHOWN]),
        "overdue_count": overdue.count(),
        "recent": list(
            reports.filter(version__gte=1).select_related("region", "round").order_by("-submitted_at", "-pk")[:20]
        ),
        "own_regions": list(access.regions_for(user, access.REGION_WORK).filter(status="active").order_by("name")[:20])
        if access.can(user, access.REGION_WORK)
        else [],
        "rounds": list(ReportingRound.objects.order_by("-period_start", "-pk")[:12]) if may_manage else [],
        "may_manage": may_manage,
    }


def report_page_url(report) -> str:
    """Where the region's team works on ``report``: its open writing task, or else the report page."""
    from workflows.nodes import task_url
    from workflows.reporting import ReportingFlow

    task = (
        Task.objects.filter(process_id=report.process_id, flow_task=ReportingFlow.fill, status__in=OPEN_TASK_STATUSES)
        .order_by("-pk")
        .first()
        if report.process_id
        else None
    )
    return task_url(task) if task is not None else report.get_absolute_url()
