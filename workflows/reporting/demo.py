"""Demo data for progress reporting: two past reporting rounds with reports in every state, so the
charts show a trend. Everything goes through the real services (the region's team writes and submits,
the programme office reviews); submissions are dated back to the rounds' due dates."""

import datetime

from django.db import transaction
from django.utils import timezone
from viewflow.workflow.models import Task

from learning.demo import DEMO_SOURCE
from regions import access
from regions.models import RegionMembership
from regions.roles import Role
from workflows.core.services import task_claim
from workflows.reporting import services
from workflows.reporting.flows import ReportingFlow
from workflows.reporting.models import ProgressReport, ReportingRound

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
    return access.people_with_role(Role.PROGRAMME_OFFICE).order_by("pk").first()


@transaction.atomic
def build() -> dict[str, int]:
    """Two past rounds with reports in every state (after learning.demo, which gives the regions
    their advices and checklist history). Idempotent."""
    count = 0
    if ReportingRound.objects.exists():
        return {"progress_reports": 0}  # idempotent: the demo rounds were built before
    for days_ago, outcomes in DEMO_ROUND_DAYS_AGO:
        due_on = timezone.localdate() - datetime.timedelta(days=days_ago)
        name, start, end = _half_year_before(due_on)
        opens_on = min(end + datetime.timedelta(days=7), due_on)
        if ReportingRound.objects.filter(name=name).exists():
            continue  # idempotent: this round was built before
        reporting_round = ReportingRound.objects.create(
            name=name, period_start=start, period_end=end, opens_on=opens_on, due_on=due_on
        )
        services.round_open(reporting_round=reporting_round)
        submitted_at = timezone.make_aware(datetime.datetime.combine(due_on, datetime.time(12)))
        reports = ProgressReport.objects.filter(round=reporting_round).select_related("region").order_by("region__name")
        for index, report in enumerate(reports):
            outcome = outcomes[index % len(outcomes)]
            member = RegionMembership.objects.filter(region=report.region).select_related("user").first()
            if member is None:
                continue  # no team: the report stays a draft (and shows as overdue)
            advices = [ra.advice_id for ra in report.region.region_advices.all()]
            services.report_draft_save(
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
            services.report_submit(report=report, user=member.user, at=submitted_at)
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
            task_claim(task=task, user=reviewer)
            task.refresh_from_db()
            services.review_complete(
                task=task,
                user=reviewer,
                outcome="accept" if outcome == "accepted" else "questions",
                message="Dank voor de heldere rapportage."
                if outcome == "accepted"
                else "Kunt u iets meer vertellen over wat de wachtlijsten oplevert voor scholen?",
            )
    return {"progress_reports": count}
