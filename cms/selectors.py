"""Reads for the public site about data of other apps (advices, organisations) and search; each runs
a fixed number of queries. (Reads of the pages themselves live on the page models, which call these.)"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Subquery, Value
from wagtail.models import Page

from learning.models import Advice, ChecklistItem, ChecklistStatus, RegionAdvice, RegionChecklistItem
from regions.models import Organisation, Region

# The kinds of organisation the "about the coalition" page shows, in this order.
PUBLIC_ORGANISATION_KINDS = (
    Organisation.Kind.COALITION_MEMBER,
    Organisation.Kind.KNOWLEDGE_PARTNER,
    Organisation.Kind.MINISTRY,
    Organisation.Kind.AGENDA_MEMBER,
)
# Regions that take part (or took part) in the programme, as opposed to applicants.
PARTICIPATING = (Region.Status.ACTIVE, Region.Status.ALUMNI)


@dataclass
class AdviceProgress:
    """How far the participating regions have come with one advice (counts only, never which region)."""

    region_count: int = 0
    item_count: int = 0
    by_status: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.region_count * self.item_count

    @property
    def done_share(self) -> int:
        """Share of all the regions' checklist items in place or embedded, in percent."""
        if not self.total:
            return 0
        done = self.by_status.get(ChecklistStatus.IN_PLACE, 0) + self.by_status.get(ChecklistStatus.EMBEDDED, 0)
        return round(100 * done / self.total)

    def rows(self) -> list[tuple[str, str, int]]:
        """(status, label, count) for every status; items without a state count as not started."""
        counted = sum(self.by_status.get(s, 0) for s in ChecklistStatus.values if s != ChecklistStatus.NOT_STARTED)
        rows = []
        for status, label in ChecklistStatus.choices:
            count = self.total - counted if status == ChecklistStatus.NOT_STARTED else self.by_status.get(status, 0)
            rows.append((status, label, count))
        return rows


def _count_of(queryset):
    """``queryset``'s row count as a subquery (to read several counts in one query)."""
    return queryset.order_by().annotate(_one=Value(1)).values("_one").annotate(n=Count("*")).values("n")


def advice_progress(advice: Advice) -> AdviceProgress:
    """Aggregated progress on ``advice`` over the participating regions working on it (two queries)."""
    regions = RegionAdvice.objects.filter(advice=advice, region__status__in=PARTICIPATING).values("region_id")
    counts = (
        Advice.objects.filter(pk=advice.pk)
        .annotate(
            region_count=Subquery(_count_of(regions)),
            item_count=Subquery(_count_of(ChecklistItem.objects.filter(advice=advice, is_active=True))),
        )
        .values("region_count", "item_count")
        .get()
    )
    region_count, item_count = counts["region_count"] or 0, counts["item_count"] or 0
    rows = (
        RegionChecklistItem.objects.filter(item__advice=advice, item__is_active=True, region_id__in=regions)
        .values("status")
        .annotate(n=Count("pk"))
    )
    return AdviceProgress(
        region_count=region_count, item_count=item_count, by_status={row["status"]: row["n"] for row in rows}
    )


@dataclass
class OrganisationGroup:
    kind: str
    label: str
    organisations: list


def coalition_organisations() -> list[OrganisationGroup]:
    """The coalition's national organisations grouped by kind, with their logos (two queries once
    the logos' renditions exist)."""
    organisations = (
        Organisation.objects.filter(kind__in=PUBLIC_ORGANISATION_KINDS)
        .select_related("public_logo__image")
        .prefetch_related("public_logo__image__renditions")
        .order_by("name")
    )
    groups = {kind: OrganisationGroup(kind, kind.label, []) for kind in PUBLIC_ORGANISATION_KINDS}
    for organisation in organisations:
        groups[organisation.kind].organisations.append(organisation)
    return [group for group in groups.values() if group.organisations]


def search_pages(query: str):
    """Live public pages matching ``query``, best match first, as their specific types (one query for
    the matches plus one per page type on the results page)."""
    return Page.objects.live().public().filter(depth__gt=1).specific().search(query)
