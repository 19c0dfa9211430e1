"""Demo data for the region workspace: the advices each region works on and a checklist history."""

import datetime

from django.db import transaction
from django.utils import timezone

from learning.models import Advice, ChecklistChange, ChecklistItem, RegionChecklistItem
from learning.services import region_advices_set
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
    return {"checklist_changes": changes}
