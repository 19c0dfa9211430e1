"""Demo data for the region workspace: the advices each region works on and a checklist history."""

import datetime

from django.db import transaction
from django.utils import timezone
from viewflow.workflow.models import Task

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
    return {"checklist_changes": changes, "indicator_values": _indicators(), "progress_reports": _reports()}


# --- Progress reports: two past rounds with reports in every state ---------------------------------
# Two past rounds, placed relative to today like the checklist history above (so the snapshots
# taken at their due dates show a real trend); how each report ends, by position of the region.
DEMO_ROUND_DAYS_AGO = [
    (300, ["accepted", "accepted", "accepted", "questions", "accepted", "submitted", "draft"]),
    (120, ["accepted", "submitted", "questions", "draft", "accepted", "submitted", "accepted"]),
]


def _half_year_before(due: datetime.date):
    """Name and period of the half year that ended before ``due``."""
    if due.month > 6:
        return f"Eerste helft {due.year}", datetime.date(due.year, 1, 1), datetime.date(due.year, 6, 30)
    return f"Tweede helft {due.year - 1}", datetime.date(due.year - 1, 7, 1), datetime.date(due.year - 1, 12, 31)


NARRATIVE = {
    "changed": "Scholen en het wijkteam hebben vaste overlegmomenten; de lijnen zijn korter geworden.",
    "helped": "Een gezamenlijke werkgroep met gemeente, samenwerkingsverband en jeugdhulp.",
    "blocked": "Wachtlijsten in de specialistische jeugdhulp en wisselingen van personeel.",
}


def _office_reviewer():
    from regions.models import User
    from regions.roles import Role

    return User.objects.filter(is_active=True, groups__name=Role.PROGRAMME_OFFICE).order_by("pk").first()


def _reports() -> int:
    from learning.models import ProgressReport, ReportingRound
    from learning.services import report_draft_save
    from workflows import reporting_services
    from workflows.reporting import ReportingFlow

    count = 0
    if ReportingRound.objects.exists():
        return 0  # idempotent: the demo rounds were built before
    for days_ago, outcomes in DEMO_ROUND_DAYS_AGO:
        due_on = timezone.localdate() - datetime.timedelta(days=days_ago)
        name, start, end = _half_year_before(due_on)
        opens_on = min(end + datetime.timedelta(days=7), due_on)
        if ReportingRound.objects.filter(name=name).exists():
            continue  # idempotent: this round was built before
        reporting_round = ReportingRound.objects.create(
            name=name, period_start=start, period_end=end, opens_on=opens_on, due_on=due_on
        )
        reporting_services.round_open(reporting_round=reporting_round)
        submitted_at = timezone.make_aware(datetime.datetime.combine(due_on, datetime.time(12)))
        reports = ProgressReport.objects.filter(round=reporting_round).select_related("region").order_by("region__name")
        for index, report in enumerate(reports):
            outcome = outcomes[index % len(outcomes)]
            member = RegionMembership.objects.filter(region=report.region).select_related("user").first()
            if member is None:
                continue  # no team: the report stays a draft (and shows as overdue)
            advices = [ra.advice_id for ra in report.region.region_advices.all()]
            report_draft_save(
                report=report,
                user=member.user,
                next_steps="De aanpak uitbreiden naar het voortgezet onderwijs en de resultaten delen in het OOGO.",
                narratives={advice_id: NARRATIVE for advice_id in advices},
                indicators=[
                    {"school_type": "po", "year": start.year, "value": 10.5, "source": DEMO_SOURCE},
                ],
            )
            count += 1
            if outcome == "draft":
                continue
            reporting_services.report_submit(report=report, user=member.user, at=submitted_at)
            if outcome == "submitted":
                continue
            reviewer = _office_reviewer()
            if reviewer is None:
                continue
            task = (
                Task.objects.filter(process_id=report.process_id, flow_task=ReportingFlow.review)
                .order_by("-pk")
                .first()
            )
            reporting_services.task_claim(task=task, user=reviewer)
            task.refresh_from_db()
            reporting_services.review_complete(
                task=task,
                user=reviewer,
                outcome="accept" if outcome == "accepted" else "questions",
                message="Dank voor de heldere rapportage."
                if outcome == "accepted"
                else "Kunt u iets meer vertellen over wat de wachtlijsten oplevert voor scholen?",
            )
    return count
