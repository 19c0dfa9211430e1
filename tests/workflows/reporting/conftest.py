"""Fixtures for the reporting flow: e-mail tasks run at once, a round opened for the world's two
regions (both active, working on the two core advices), and helpers that walk a report."""

import datetime

import pytest
from django.utils import timezone
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from learning import services as learning_services
from learning.models import Advice
from workflows.core import services as core_services
from workflows.reporting import services as reporting_services
from workflows.reporting.flows import ReportingFlow
from workflows.reporting.models import ProgressReport, ReportingRound

IMMEDIATE = {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}


@pytest.fixture(autouse=True)
def _send_email_at_once(settings):
    settings.TASKS = {"default": IMMEDIATE, "email": IMMEDIATE}


def make_round(name="Eerste helft 2025", *, due_in_days=30, **dates):
    today = timezone.localdate()
    due = today + datetime.timedelta(days=due_in_days)
    defaults = {
        "period_start": due - datetime.timedelta(days=200),
        "period_end": due - datetime.timedelta(days=20),
        "opens_on": due - datetime.timedelta(days=40),
        "due_on": due,
    }
    return ReportingRound.objects.create(name=name, **{**defaults, **dates})


@pytest.fixture
def reporting_world(world):
    core = list(Advice.objects.filter(is_core=True))
    for region in (world.region_a, world.region_b):
        learning_services.region_advices_set(region=region, advices=core)
    world.core = core
    return world


@pytest.fixture
def opened(reporting_world):
    """A round opened by the programme office: one draft report per region."""
    world = reporting_world
    world.round = make_round()
    reporting_services.round_open(reporting_round=world.round, by=world["office"])
    world.report_a = ProgressReport.objects.get(region=world.region_a, round=world.round)
    world.report_b = ProgressReport.objects.get(region=world.region_b, round=world.round)
    return world


def write(report, user, **overrides):
    """Fill in everything a report needs to be submitted."""
    narratives = {
        advice.pk: {"changed": f"Veranderd bij advies {advice.number}.", "helped": "Korte lijnen.", "blocked": ""}
        for advice in Advice.objects.filter(is_core=True)
    }
    data = {
        "next_steps": "Uitbreiden naar het voortgezet onderwijs.",
        "narratives": narratives,
        "indicators": [{"school_type": "po", "year": 2024, "value": 11, "source": "Monitor AOJ 2024"}],
        **overrides,
    }
    return reporting_services.report_draft_save(report=report, user=user, **data)


def open_task(report, node):
    report.refresh_from_db()
    return (
        Task.objects.filter(process_id=report.process_id, flow_task=node, status__in=[STATUS.NEW, STATUS.ASSIGNED])
        .order_by("-pk")
        .first()
    )


@pytest.fixture
def submitted(opened):
    write(opened.report_a, opened["team_a"])
    reporting_services.report_submit(report=opened.report_a, user=opened["team_a"])
    opened.report_a.refresh_from_db()
    return opened


@pytest.fixture
def questioned(submitted):
    task = open_task(submitted.report_a, ReportingFlow.review)
    reviewer = submitted["reviewer_a"]
    core_services.task_claim(task=task, user=reviewer)
    task.refresh_from_db()
    reporting_services.review_complete(task=task, user=reviewer, outcome="questions", message="Hoe ging het in het vo?")
    submitted.report_a.refresh_from_db()
    return submitted
