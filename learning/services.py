"""Writes about a region's advices and checklists. Every change is kept and audit-logged."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from learning.models import Advice, ChecklistChange, ChecklistItem, IndicatorValue, RegionAdvice, RegionChecklistItem
from regions.models import Region
from regions.services import region_document_add


@transaction.atomic
def region_advices_set(*, region: Region, advices, by=None) -> None:
    """The region works on exactly these advices (existing checklist history is kept)."""
    wanted = {advice.pk for advice in advices}
    RegionAdvice.objects.filter(region=region).exclude(advice_id__in=wanted).delete()
    existing = set(RegionAdvice.objects.filter(region=region).values_list("advice_id", flat=True))
    RegionAdvice.objects.bulk_create([RegionAdvice(region=region, advice_id=pk) for pk in wanted - existing])
    log(
        region,
        "learning.advices_set",
        user=by,
        data={"advices": sorted(Advice.objects.filter(pk__in=wanted).values_list("number", flat=True))},
    )


@transaction.atomic
def checklist_item_update(
    *,
    region: Region,
    item: ChecklistItem,
    status: str,
    explanation: str = "",
    evidence_url: str = "",
    evidence_file=None,
    user=None,
) -> ChecklistChange:
    """Record where the region stands on one item: updates the current state and appends history."""
    if not RegionAdvice.objects.filter(region=region, advice_id=item.advice_id).exists():
        raise ValidationError(_("This region does not work on this advice."))
    if not item.is_active:
        raise ValidationError(_("This checklist item is no longer in use."))
    state, _created = RegionChecklistItem.objects.select_for_update().get_or_create(region=region, item=item)
    document = region_document_add(region=region, uploaded_file=evidence_file, user=user) if evidence_file else None
    state.status = status
    state.explanation = explanation
    state.evidence_url = evidence_url
    if document is not None:
        state.evidence_document = document
    state.updated_by = user
    state.full_clean(exclude=["region", "item", "updated_by", "evidence_document"])
    state.save()
    change = ChecklistChange.objects.create(
        state=state,
        item_title=item.title,
        status=status,
        explanation=explanation,
        evidence_url=evidence_url,
        evidence_document=state.evidence_document,
        changed_by=user,
    )
    log(region, "learning.checklist_update", user=user, data={"item": item.pk, "status": status})
    return change


@transaction.atomic
def indicator_value_save(*, region: Region | None, school_type: str, year: int, value, source: str, user=None):
    """Record (or correct) one indicator value; a region's value for a type and year exists once."""
    indicator, created = IndicatorValue.objects.update_or_create(
        region=region,
        school_type=school_type,
        year=year,
        defaults={"value": value, "source": source, "created_by": user},
    )
    if region is not None:
        log(
            region,
            "learning.indicator_save",
            user=user,
            data={"school_type": school_type, "year": year, "value": str(value), "new": created},
        )
    return indicator
