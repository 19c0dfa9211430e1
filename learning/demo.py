"""Demo data for the region workspace: the advices each region works on and a checklist history."""

import datetime

from django.db import transaction
from django.utils import timezone

from learning.models import Advice, ChecklistChange, ChecklistItem, RegionChecklistItem
from learning.services import indicator_value_save, region_advices_set
from regions.models import Region, RegionMembership

EXTRA_ADVICES = {
    "twente": [3, 5],
    "noordoost-friesland": [2],
    "holland-rijnland": [5, 6],
    "zuid-kennemerland": [3],
    "meierij": [2],
    "utrecht": [3, 6],
    "zuid-limburg": [5],
    "almere": [3],
    "foodvalley": [6],
    "noord-kennemerland": [2],
    "leeuwarden": [7],
}
# (status, explanation) steps a region went through for an item, oldest first
STORIES = [
    [
        ("started", "Eerste gesprekken tussen scholen en het wijkteam gevoerd."),
        ("in_place", "Afspraken vastgelegd en op alle scholen bekend."),
    ],
    [("started", "Werkgroep opgericht met gemeente, samenwerkingsverband en jeugdhulp.")],
    [
        ("started", "Pilot op drie scholen."),
        ("in_place", "Uitgebreid naar alle basisscholen."),
        ("embedded", "Opgenomen in het OOGO en de begroting; evaluatie jaarlijks."),
    ],
]


# Invented demo figures in the range the monitor reports; NOT the real monitor data.
NATIONAL_DEMO = {"po": 9.5, "sbo": 27.0, "so": 33.0, "vo": 11.0, "svo": 36.0, "pro": 24.0, "mbo": 13.5}
DEMO_SOURCE = "Demowaarden (geen echte cijfers van de Monitor Aansluiting Onderwijs Jeugdhulp)"


def _indicators() -> int:
    count = 0
    for year_index, year in enumerate(range(2021, 2025)):
        for school_type, base in NATIONAL_DEMO.items():
            indicator_value_save(
                region=None,
                school_type=school_type,
                year=year,
                value=round(base + 0.3 * year_index, 2),
                source=DEMO_SOURCE,
            )
            count += 1
    for region in Region.objects.filter(status=Region.Status.ACTIVE):
        for year_index, year in enumerate(range(2022, 2025)):
            for school_type, base in NATIONAL_DEMO.items():
                shift = ((region.pk * 7 + len(school_type)) % 9 - 4) / 2  # stable variation per region
                indicator_value_save(
                    region=region,
                    school_type=school_type,
                    year=year,
                    value=round(max(0, base + shift - 0.2 * year_index), 2),
                    source=DEMO_SOURCE,
                )
                count += 1
    return count


@transaction.atomic
def build() -> dict[str, int]:
    changes = 0
    core = list(Advice.objects.filter(is_core=True))
    for region in Region.objects.exclude(status=Region.Status.APPLICANT):
        extra = list(Advice.objects.filter(number__in=EXTRA_ADVICES.get(region.slug, [])))
        region_advices_set(region=region, advices=core + extra)
        if RegionChecklistItem.objects.filter(region=region).exists():
            continue  # idempotent: the history was built before
        author = RegionMembership.objects.filter(region=region).select_related("user").first()
        user = author.user if author else None
        items = list(
            ChecklistItem.objects.filter(advice__in=core + extra, is_active=True).order_by("advice__number", "position")
        )
        for index, item in enumerate(items):
            story = STORIES[(index + region.pk) % len(STORIES)] if (index + region.pk) % 4 else []
            if not story:
                continue
            state = RegionChecklistItem.objects.create(region=region, item=item, updated_by=user)
            for step, (status, explanation) in enumerate(story):
                when = timezone.now() - datetime.timedelta(days=180 * (len(story) - step) - index)
                ChecklistChange.objects.create(
                    state=state,
                    item_title=item.title,
                    status=status,
                    explanation=explanation,
                    changed_by=user,
                    changed_at=when,
                )
                changes += 1
            state.status, state.explanation = story[-1]
            state.save()
    return {"checklist_changes": changes, "indicator_values": _indicators()}
