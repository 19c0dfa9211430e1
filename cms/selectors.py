"""Reads for the public site that span several pages or apps; each runs a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, Subquery, Value
from django.utils import timezone
from wagtail.models import Page

from cms.models import (
    AdviceIndexPage,
    HomePage,
    MeetingIndexPage,
    MeetingPage,
    MembersPage,
    NewsIndexPage,
    NewsletterIndexPage,
    NewsPage,
    RegionIndexPage,
    RegionPage,
    StepPlanIndexPage,
)
from learning.models import Advice, ChecklistItem, ChecklistStatus, RegionAdvice, RegionChecklistItem
from regions.models import Organisation, Region

HOME_NEWS = 3
HOME_MEETINGS = 3
HOME_REGIONS = 12
# The kinds of organisation the "about the coalition" page shows, in this order.
PUBLIC_ORGANISATION_KINDS = (
    Organisation.Kind.COALITION_MEMBER,
    Organisation.Kind.KNOWLEDGE_PARTNER,
    Organisation.Kind.MINISTRY,
    Organisation.Kind.AGENDA_MEMBER,
)
# Regions that take part (or took part) in the programme, as opposed to applicants.
PARTICIPATING = (Region.Status.ACTIVE, Region.Status.ALUMNI)


def section_pages(home: Page, private: Q | None = None) -> dict[str, Page]:
    """The home page's index pages by kind ('news', 'meetings', ...): one query, for links."""
    kinds = {
        NewsIndexPage: "news",
        MeetingIndexPage: "meetings",
        NewsletterIndexPage: "newsletters",
        AdviceIndexPage: "advices",
        StepPlanIndexPage: "steps",
        RegionIndexPage: "regions",
        MembersPage: "members",
    }
    by_type = {ContentType.objects.get_for_model(model).pk: name for model, name in kinds.items()}
    private = Page.objects.all().private_q() if private is None else private
    pages = Page.objects.live().exclude(private).child_of(home).filter(content_type_id__in=by_type)
    return {by_type[page.content_type_id]: page for page in pages.order_by("path")}


def home_highlights(home: HomePage) -> dict:
    """What the home page shows besides its own text: the latest news, coming meetings, the regions
    (six queries, whatever the number of pages)."""
    now = timezone.now()
    private = Page.objects.all().private_q()  # one query for every list below
    region_pages = RegionPage.objects.live().exclude(private).select_related("region").order_by("title")
    return {
        "latest_news": list(NewsPage.objects.live().exclude(private).order_by("-date", "-pk")[:HOME_NEWS]),
        "upcoming_meetings": list(
            MeetingPage.objects.live()
            .exclude(private)
            .filter(Q(end__gte=now) | Q(end__isnull=True, start__gte=now))
            .order_by("start")[:HOME_MEETINGS]
        ),
        "region_pages": list(region_pages[:HOME_REGIONS]),
        "region_count": region_pages.count(),
        "sections": section_pages(home, private),
    }


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
