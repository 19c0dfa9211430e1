"""Access rules for the reporting URLs, used by the project-wide URL walk (tests/test_url_access.py).

Built lazily on the walk's world: one opened round; region A's report submitted (its review task
open, its text carrying A's secret marker), region B's report still a draft with B's marker.
"""

from __future__ import annotations

import datetime

from django.utils import timezone
from viewflow.workflow.models import Task

from regions import access
from tests.regions.test_access import GLOBAL_MATRIX, REGION_MATRIX

ANONYMOUS = "anonymous"
LOGIN = "login"
STAFF = {"office", "admin"}
SECRETS = {"a": "GEHEIM-A-7f3k", "b": "GEHEIM-B-9q2m"}


def _build(world):
    from learning.models import Advice
    from workflows.reporting import services as reporting_services
    from workflows.reporting.models import ProgressReport, ReportingRound

    if hasattr(world, "reporting"):
        return world.reporting
    today = timezone.localdate()
    reporting_round = ReportingRound.objects.create(
        name="Walk-ronde",
        period_start=today - datetime.timedelta(days=180),
        period_end=today - datetime.timedelta(days=1),
        opens_on=today,
        due_on=today + datetime.timedelta(days=20),
    )
    reporting_services.round_open(reporting_round=reporting_round, by=world["office"])
    reports = {}
    for side in ("a", "b"):
        region = getattr(world, f"region_{side}")
        report = ProgressReport.objects.get(region=region, round=reporting_round)
        reporting_services.report_draft_save(
            report=report,
            user=world[f"team_{side}"],
            next_steps=f"Volgende stap {SECRETS[side]}",
            narratives={a.pk: {"changed": f"Veranderd {SECRETS[side]}"} for a in Advice.objects.filter(is_core=True)},
            indicators=[],
        )
        if side == "a":
            reporting_services.report_submit(report=report, user=world["team_a"])
        reports[side] = ProgressReport.objects.get(pk=report.pk)
    world.reporting = {"round": reporting_round, "reports": reports}
    for user in world.users.values():
        access.forget_cached_access(user)
    return world.reporting


def _portal(user):
    return user in GLOBAL_MATRIX[access.PORTAL_USE]


def portal_page(user, side):
    if user == ANONYMOUS:
        return {LOGIN}
    return {200} if _portal(user) else {403}


def office_page(user, side):
    if user == ANONYMOUS:
        return {LOGIN}
    return {200} if user in STAFF else {403}


def region_view(user, side):
    if user == ANONYMOUS:
        return {LOGIN}
    if not _portal(user):
        return {403}
    return {200} if side in REGION_MATRIX[access.REGION_VIEW].get(user, set()) else {404}


def report_page(user, side):
    """Side A's report was submitted (everyone who sees region A reads it); side B's is a draft
    (its team and the programme office only)."""
    if side == "a":
        return region_view(user, side)
    if user == ANONYMOUS:
        return {LOGIN}
    if not _portal(user):
        return {403}
    return {200} if user in {"team_b"} | STAFF else {404}


def task_page(action):
    def expected(user, side):
        if user == ANONYMOUS:
            return {LOGIN}
        return {200} if side in REGION_MATRIX[action].get(user, set()) else {404}

    return expected


def _report(world, side):
    return {"pk": _build(world)["reports"][side].pk}


def _task(node_name, side_):
    def kwargs(world, side):
        from workflows.reporting.flows import ReportingFlow

        report = _build(world)["reports"][side_]
        task = (
            Task.objects.filter(process_id=report.process_id, flow_task=getattr(ReportingFlow, node_name))
            .order_by("-pk")
            .first()
        )
        return {"process_pk": report.process_id, "task_pk": task.pk}

    return kwargs


def rules(Rule):
    """The rules, built with the URL walk's own Rule class."""
    return {
        "reports:overview": Rule(portal_page),
        "reports:round_create": Rule(office_page),
        "reports:round_edit": Rule(office_page, lambda w, s: {"pk": _build(w)["round"].pk}),
        "reports:region_progress": Rule(region_view, lambda w, s: {"slug": getattr(w, f"region_{s}").slug}, ("a", "b")),
        "reports:report_detail": Rule(report_page, _report, ("a", "b")),
        "reports:version_detail": Rule(region_view, lambda w, s: {**_report(w, s), "number": 1}),
        # Region B's report waits for its team; region A's for review by organisation A.
        "reports:reporting:fill:execute": Rule(task_page(access.REGION_WORK), _task("fill", "b"), ("b",)),
        "reports:reporting:review:execute": Rule(task_page(access.REGION_REVIEW), _task("review", "a"), ("a",)),
        "public_progress": Rule(lambda user, side: {200}),
    }
