"""Reads for the region workspace: the checklist per advice, built in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, F, Q

from learning.models import (
    Advice,
    ChecklistChange,
    ChecklistItem,
    ChecklistStatus,
    IndicatorValue,
    RegionAdvice,
    RegionChecklistItem,
    SchoolType,
)
from regions.models import Region


@dataclass
class AdviceChecklist:
    advice: object
    rows: list = field(default_factory=list)  # (item, state or None)

    @property
    def progress(self) -> dict[str, int]:
        counts = {status: 0 for status in ChecklistStatus.values}
        for _item, state in self.rows:
            counts[state.status if state else ChecklistStatus.NOT_STARTED] += 1
        return counts

    @property
    def done_share(self) -> int:
        """Share of items in place or embedded, in percent."""
        if not self.rows:
            return 0
        counts = self.progress
        return round(100 * (counts[ChecklistStatus.IN_PLACE] + counts[ChecklistStatus.EMBEDDED]) / len(self.rows))


def region_checklists(region: Region) -> list[AdviceChecklist]:
    """Per advice the region works on (core advices first): each active item with its current state."""
    advices = [
        ra.advice
        for ra in RegionAdvice.objects.filter(region=region)
        .select_related("advice")
        .order_by("-advice__is_core", "advice__number")
    ]
    items = ChecklistItem.objects.filter(advice__in=advices, is_active=True).order_by("position")
    states = {
        state.item_id: state
        for state in RegionChecklistItem.objects.filter(region=region)
        .select_related("updated_by", "evidence_document")
        .annotate(change_count=Count("changes"))
    }
    by_advice = {advice.pk: AdviceChecklist(advice=advice) for advice in advices}
    for item in items:
        by_advice[item.advice_id].rows.append((item, states.get(item.pk)))
    return list(by_advice.values())


def checklist_item_history(region: Region, item: ChecklistItem):
    return ChecklistChange.objects.filter(state__region=region, state__item=item).select_related(
        "changed_by", "evidence_document"
    )


def regions_done_counts(regions) -> dict[int, int]:
    """Region id -> number of its checklist items in place or embedded (one query)."""
    rows = (
        RegionChecklistItem.objects.filter(region__in=regions)
        .values("region_id")
        .annotate(done=Count("pk", filter=Q(status__in=[ChecklistStatus.IN_PLACE, ChecklistStatus.EMBEDDED])))
    )
    return {row["region_id"]: row["done"] for row in rows}


@dataclass
class IndicatorRow:
    school_type: str
    label: str
    values: dict  # year -> (region value or None, national value or None)


def region_indicators(region: Region) -> tuple[list[int], list[IndicatorRow]]:
    """Years and one row per school type with the region's and the national value (one query)."""
    values = list(IndicatorValue.objects.filter(Q(region=region) | Q(region__isnull=True)))
    years = sorted({v.year for v in values if v.region_id == region.pk} or {v.year for v in values})
    rows = []
    for school_type, label in SchoolType.choices:
        cells = {}
        for year in years:
            own = next(
                (
                    v.value
                    for v in values
                    if v.region_id == region.pk and v.school_type == school_type and v.year == year
                ),
                None,
            )
            national = next(
                (v.value for v in values if v.region_id is None and v.school_type == school_type and v.year == year),
                None,
            )
            cells[year] = (own, national)
        rows.append(IndicatorRow(school_type=school_type, label=label, values=cells))
    return years, rows


DONE_STATUSES = (ChecklistStatus.IN_PLACE, ChecklistStatus.EMBEDDED)


def checklist_snapshot(region: Region, at=None) -> dict:
    """The region's checklist as it stands (or stood at ``at``, from the change history): per advice
    its items with their status and the count per status. Stored in a report at submission."""
    checklists = region_checklists(region)
    past = {}
    if at is not None:
        for change in (
            ChecklistChange.objects.filter(state__region=region, changed_at__lte=at)
            .select_related("state")
            .order_by("changed_at", "pk")
        ):
            past[change.state.item_id] = change.status
    advices = []
    for checklist in checklists:
        items = []
        counts = {status: 0 for status in ChecklistStatus.values}
        for item, state in checklist.rows:
            if at is not None:
                status = past.get(item.pk, ChecklistStatus.NOT_STARTED)
            else:
                status = state.status if state else ChecklistStatus.NOT_STARTED
            counts[status] += 1
            items.append({"id": item.pk, "title": item.title, "status": status})
        advices.append(
            {
                "id": checklist.advice.pk,
                "number": checklist.advice.number,
                "short_title": checklist.advice.short_title,
                "is_core": checklist.advice.is_core,
                "items": items,
                "counts": counts,
                "total": len(items),
                "done": sum(counts[s] for s in DONE_STATUSES),
            }
        )
    return {"advices": advices}


@dataclass
class AdviceProgress:
    advice: object
    regions: int = 0
    counts: dict = field(default_factory=dict)
    total: int = 0

    @property
    def done_share(self) -> int:
        if not self.total:
            return 0
        return round(100 * sum(self.counts.get(s, 0) for s in DONE_STATUSES) / self.total)

    @property
    def rows(self):
        """(status label, count) in status order, for tables."""
        return [(label, self.counts.get(status, 0)) for status, label in ChecklistStatus.choices]


def national_progress(regions) -> list[AdviceProgress]:
    """Per advice, over ``regions`` (a queryset): how many regions work on it and how many of their
    checklist items are in each status (four queries, whatever the number of regions)."""
    region_ids = regions.values("pk")
    per_advice = {
        row["advice_id"]: row["n"]
        for row in RegionAdvice.objects.filter(region__in=region_ids).values("advice_id").annotate(n=Count("pk"))
    }
    item_counts = {
        row["advice_id"]: row["n"]
        for row in ChecklistItem.objects.filter(is_active=True).values("advice_id").annotate(n=Count("pk"))
    }
    status_counts: dict[int, dict] = {}
    for row in (
        RegionChecklistItem.objects.filter(
            region__in=region_ids,
            item__is_active=True,
            region__region_advices__advice_id=F("item__advice_id"),
        )
        .values("item__advice_id", "status")
        .annotate(n=Count("pk"))
    ):
        status_counts.setdefault(row["item__advice_id"], {})[row["status"]] = row["n"]
    result = []
    for advice in Advice.objects.order_by("number"):
        regions_count = per_advice.get(advice.pk, 0)
        total = regions_count * item_counts.get(advice.pk, 0)
        counts = dict(status_counts.get(advice.pk, {}))
        counts[ChecklistStatus.NOT_STARTED] = total - sum(
            n for status, n in counts.items() if status != ChecklistStatus.NOT_STARTED
        )
        result.append(AdviceProgress(advice=advice, regions=regions_count, counts=counts, total=total))
    return result
