"""Writes about a region's advices and checklists. Every change is kept and audit-logged."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from learning.models import (
    Advice,
    ChecklistChange,
    ChecklistItem,
    IndicatorValue,
    ProgressReport,
    RegionAdvice,
    RegionChecklistItem,
    ReportIndicator,
    ReportingRound,
    ReportNarrative,
)
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


# --- Progress reports ----------------------------------------------------------------------------
def reporting_round_check(reporting_round: ReportingRound) -> None:
    """The dates of a round hang together: the period ends before the reports are due, and the
    round opens before it is due (raises a ValidationError per field)."""
    errors = {}
    r = reporting_round
    if r.period_start and r.period_end and r.period_end < r.period_start:
        errors["period_end"] = _("The period cannot end before it starts.")
    if r.period_end and r.due_on and r.period_end > r.due_on:
        errors["period_end"] = _("The period cannot end after the due date: a report is about a period that is over.")
    if r.opens_on and r.due_on and r.due_on < r.opens_on:
        errors["due_on"] = _("The due date cannot be before the round opens.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def reporting_round_save(*, reporting_round: ReportingRound | None = None, data: dict, by=None) -> ReportingRound:
    """Create or change a reporting round (its dates checked); an opened round keeps its period."""
    reporting_round = reporting_round or ReportingRound()
    if reporting_round.opened_at and (
        data.get("period_start", reporting_round.period_start) != reporting_round.period_start
        or data.get("period_end", reporting_round.period_end) != reporting_round.period_end
    ):
        raise ValidationError({"period_start": _("The period of a round that has opened cannot change.")})
    for field in ("name", "period_start", "period_end", "opens_on", "due_on"):
        if field in data:
            setattr(reporting_round, field, data[field])
    reporting_round_check(reporting_round)
    reporting_round.full_clean(exclude=["opened_at"], validate_constraints=False)
    new = reporting_round.pk is None
    reporting_round.save()
    log(reporting_round, "learning.round_save", user=by, data={"new": new, "due_on": str(reporting_round.due_on)})
    return reporting_round


def report_lock(report: ProgressReport) -> ProgressReport:
    return ProgressReport.objects.select_for_update().select_related("region", "round").get(pk=report.pk)


@transaction.atomic
def report_draft_save(
    *, report: ProgressReport, user, next_steps: str, narratives: dict, indicators: list, files=()
) -> ProgressReport:
    """Store what the region typed (a draft may be incomplete): next steps, a narrative per advice
    ({advice id: {"changed", "helped", "blocked"}}), the reported indicator values (replacing the
    earlier list) and any uploaded appendices."""
    report = report_lock(report)
    if not report.is_editable:
        raise ValidationError(_("This report cannot be changed now."))
    advice_ids = set(RegionAdvice.objects.filter(region=report.region).values_list("advice_id", flat=True))
    keys = set()
    for row in indicators:
        key = (row["school_type"], row["year"])
        if key in keys:
            raise ValidationError(_("Each school type and year can be reported once."))
        keys.add(key)
    report.next_steps = next_steps or ""
    report.updated_by = user
    report.save(update_fields=["next_steps", "updated_by", "updated_at"])
    for advice_id, texts in narratives.items():
        if int(advice_id) not in advice_ids:
            continue
        ReportNarrative.objects.update_or_create(
            report=report,
            advice_id=int(advice_id),
            defaults={key: (texts.get(key) or "") for key in ("changed", "helped", "blocked")},
        )
    report.indicators.all().delete()
    ReportIndicator.objects.bulk_create(
        [
            ReportIndicator(
                report=report,
                school_type=row["school_type"],
                year=row["year"],
                value=row["value"],
                source=row["source"],
            )
            for row in indicators
        ]
    )
    for uploaded in files:
        report.documents.add(region_document_add(region=report.region, uploaded_file=uploaded, user=user))
    log(report.region, "learning.report_save", user=user, data={"report": report.pk})
    return report


def report_missing(report: ProgressReport) -> list[str]:
    """What still has to be written before the report can be submitted (translated)."""
    missing = []
    written = {n.advice_id for n in report.narratives.all() if n.changed.strip()}
    for region_advice in RegionAdvice.objects.filter(region=report.region).select_related("advice"):
        if region_advice.advice_id not in written:
            missing.append(_("what changed for advice %(number)s") % {"number": region_advice.advice.number})
    if not report.next_steps.strip():
        missing.append(_("the next steps"))
    return missing


REMINDER_DAYS_BEFORE = 7


def report_reminders_send(*, today=None, days_before: int = REMINDER_DAYS_BEFORE) -> dict[str, int]:
    """Remind the teams of reports still with the region: once ``days_before`` days (or fewer) before
    the due date, and once when overdue. A ReportReminder row (unique per report and moment) is
    written in the same transaction as the queued e-mail, so each moment fires exactly once even
    when the command runs again, late, or twice at the same time."""
    import datetime

    from django.db import IntegrityError
    from django.utils import timezone

    from learning.models import ReportReminder

    today = today or timezone.localdate()
    candidates = (
        ProgressReport.objects.filter(
            state__in=ProgressReport.EDITABLE,
            round__opened_at__isnull=False,
            round__due_on__lte=today + datetime.timedelta(days=days_before),
        )
        .select_related("region", "round")
        .order_by("round__due_on", "pk")
    )
    sent = {ReportReminder.Moment.DUE_SOON: 0, ReportReminder.Moment.OVERDUE: 0}
    for report in candidates:
        overdue = report.round.due_on < today
        moment = ReportReminder.Moment.OVERDUE if overdue else ReportReminder.Moment.DUE_SOON
        if ReportReminder.objects.filter(report=report, moment=moment).exists():
            continue
        try:
            with transaction.atomic():
                reminder = ReportReminder.objects.create(report=report, moment=moment)
                reminder.recipients = _report_reminder_queue(report, overdue=overdue, today=today)
                reminder.save(update_fields=["recipients"])
        except IntegrityError:
            continue  # another run sent this one a moment ago
        sent[moment] += 1
    return {str(moment): count for moment, count in sent.items()}


def _report_reminder_queue(report: ProgressReport, *, overdue: bool, today) -> int:
    from workflows import reporting_notifications
    from workflows.reporting_selectors import report_page_url

    return reporting_notifications.reminder(
        report=report, overdue=overdue, days_left=(report.round.due_on - today).days, url=report_page_url(report)
    )
