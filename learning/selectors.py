"""Reads for the region workspace: the checklist per advice, built in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q

from learning.models import (
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
