"""Who may see or do what with progress reports, reporting rounds and the reporting flow's tasks.

Built from the primitives of regions.access; views, selectors, exports, notifications and the flow's
task node (through workflows.core.registry) all ask this module.
"""

from __future__ import annotations

from django.db.models import Q
from viewflow.workflow.models import Task

from regions import access
from workflows.reporting.flows import ReportingFlow
from workflows.reporting.models import ProgressReport

REPORT_VIEW = "report.view"  # read a report: its submitted versions, timeline and checklist snapshot
REPORT_EDIT = "report.edit"  # write the draft and submit it (the region's team, while it is the region's turn)
REPORT_MANAGE = "report.manage"  # programme office: reporting rounds, opening them, every report
REPORT_ACTIONS = (REPORT_VIEW, REPORT_EDIT, REPORT_MANAGE)


def _active(user) -> bool:
    return getattr(user, "is_authenticated", False) and user.is_active


def _report_condition(user, action) -> Q | None:
    """The filter on ProgressReport for ``action``; None means every report."""
    if not _active(user):
        return Q(pk__in=[])
    if action == REPORT_VIEW:
        if access.is_programme_staff(user):
            return None
        # The team sees its drafts; everyone else who may see the region sees what was submitted.
        team = Q(region__in=access.regions_for(user, access.REGION_WORK).values("pk"))
        return Q(region__in=access.regions_for(user, access.REGION_VIEW).values("pk")) & (team | Q(version__gte=1))
    if action == REPORT_EDIT:
        return Q(
            region__in=access.regions_for(user, access.REGION_WORK).values("pk"), state__in=ProgressReport.EDITABLE
        )
    if action == REPORT_MANAGE:
        return None if access.is_programme_staff(user) else Q(pk__in=[])
    raise ValueError(f"Unknown report action: {action}")


def reports_for(user, action: str = REPORT_VIEW):
    """Progress reports on which ``user`` may perform ``action`` (one query, no duplicates)."""
    condition = _report_condition(user, action)
    queryset = ProgressReport.objects.all()
    return queryset if condition is None else queryset.filter(condition)


def can_report(user, action: str, report=None) -> bool:
    """May ``user`` perform ``action`` on ``report`` (or at all when ``report`` is None)?"""
    if not _active(user):
        return False
    if report is None:
        if action == REPORT_MANAGE:
            return access.is_programme_staff(user)
        if action == REPORT_VIEW:
            return access.can(user, access.PORTAL_USE)
        if action == REPORT_EDIT:
            return access.can(user, access.REGION_WORK)
        raise ValueError(f"Unknown report action: {action}")
    key = (action, "ProgressReport", report.pk)
    return access.remembered(user, key, lambda: reports_for(user, action).filter(pk=report.pk).exists())


def tasks_for(user):
    """Tasks of the reporting flow (any status) that ``user`` may take and carry out: writing and
    submitting for the region's team, the review for whoever may review the region (its paired
    organisations' reviewers and connectors, and the programme office)."""
    if not _active(user):
        return Task.objects.none()
    condition = Q(
        flow_task=ReportingFlow.fill,
        process__progress_report__region__in=access.regions_for(user, access.REGION_WORK).values("pk"),
    ) | Q(
        flow_task=ReportingFlow.review,
        process__progress_report__region__in=access.regions_for(user, access.REGION_REVIEW).values("pk"),
    )
    return Task.objects.filter(condition, process__flow_class=ReportingFlow)


def follows_reports(user) -> bool:
    """Whether progress reports concern ``user`` at all: a region's team, its reviewers, the office."""
    return access.can(user, access.REGION_WORK) or access.can(user, access.REGION_REVIEW)
