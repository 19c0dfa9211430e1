"""Reads of progress reporting. Each list is one scoped query (plus a fixed number of aggregate
queries), whatever the number of regions, rounds and reports: the scope comes from
workflows.reporting.access."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from learning import selectors as learning_selectors
from regions import access as region_access
from regions.models import Region
from workflows.core import selectors as task_selectors
from workflows.core.registry import PortalLink
from workflows.reporting import access
from workflows.reporting.flows import ReportingFlow
from workflows.reporting.models import ProgressReport, ReportingRound

OVERDUE_SHOWN = 50


def open_tasks(*, user) -> list:
    """Open reporting tasks the user can take or has taken, oldest first (one query)."""
    return task_selectors.open_tasks(user=user, flow_class=ReportingFlow)


def report_tasks(report, *, user) -> list:
    """The open tasks of ``report`` that ``user`` may act on."""
    return task_selectors.record_tasks(report, user=user)


def reports_per_state(reports) -> list[tuple[str, str, int]]:
    """(state, label, number) for every state, over ``reports`` (a queryset; one query)."""
    counts = {row["state"]: row["n"] for row in reports.order_by().values("state").annotate(n=Count("pk"))}
    return [(state, label, counts.get(state, 0)) for state, label in ProgressReport.State.choices]


def overdue_reports(reports, today=None):
    """Reports of ``reports`` still with the region after their round's due date (one query)."""
    today = today or timezone.localdate()
    return (
        reports.filter(state__in=ProgressReport.EDITABLE, round__due_on__lt=today, round__opened_at__isnull=False)
        .select_related("region", "round")
        .order_by("round__due_on", "region__name")
    )


def overview(*, user) -> dict:
    """The overview page's data, scoped to ``user``: a fixed number of queries at any size."""
    reports = access.reports_for(user, access.REPORT_VIEW)
    regions = region_access.regions_for(user, region_access.REGION_VIEW).filter(status=Region.Status.ACTIVE)
    may_manage = access.can_report(user, access.REPORT_MANAGE)
    overdue = overdue_reports(reports)
    return {
        "tasks": open_tasks(user=user),
        "progress": learning_selectors.national_progress(regions),
        "region_count": regions.count(),
        "per_state": reports_per_state(reports),
        "overdue": list(overdue[:OVERDUE_SHOWN]),
        "overdue_count": overdue.count(),
        "recent": list(
            reports.filter(version__gte=1).select_related("region", "round").order_by("-submitted_at", "-pk")[:20]
        ),
        "own_regions": list(
            region_access.regions_for(user, region_access.REGION_WORK)
            .filter(status=Region.Status.ACTIVE)
            .order_by("name")[:20]
        )
        if region_access.can(user, region_access.REGION_WORK)
        else [],
        "rounds": list(ReportingRound.objects.order_by("-period_start", "-pk")[:12]) if may_manage else [],
        "may_manage": may_manage,
    }


def snapshot_done_share(advice: dict) -> int:
    """Share (percent) of an advice's items in place or embedded, in a stored snapshot."""
    return round(100 * advice["done"] / advice["total"]) if advice.get("total") else 0


@dataclass
class AdviceTrend:
    number: int
    short_title: str
    shares: list  # one per round: percent done, or None when the advice was not in that report


def region_progress_over_rounds(region: Region) -> tuple[list, list[AdviceTrend]]:
    """The region's submitted reports, oldest round first, and per advice the share of items in
    place or embedded in each report's snapshot (one query, whatever the number of rounds)."""
    reports = list(
        ProgressReport.objects.filter(region=region, version__gte=1)
        .select_related("round")
        .order_by("round__period_start", "round__pk")
    )
    trends: dict[int, AdviceTrend] = {}
    for index, report in enumerate(reports):
        for advice in report.snapshot.get("advices", []):
            trend = trends.setdefault(
                advice["number"], AdviceTrend(advice["number"], advice["short_title"], [None] * len(reports))
            )
            trend.shares[index] = snapshot_done_share(advice)
    return reports, [trends[number] for number in sorted(trends)]


def portal_links(user) -> list[PortalLink]:
    """What progress reporting offers ``user`` on the start page."""
    if not access.follows_reports(user):
        return []
    return [PortalLink(_("Progress reports"), reverse("reports:overview"))]
