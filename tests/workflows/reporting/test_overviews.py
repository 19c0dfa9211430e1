"""Overviews and the reports export: the numbers are right, and their query counts stay the same
as regions, rounds and reports grow."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learning import services as learning_services
from learning.models import Advice, ChecklistItem
from regions import services as region_services
from tests.factories import RegionFactory, UserFactory
from tests.workflows.reporting.conftest import make_round, open_task, write
from workflows.core import services as core_services
from workflows.reporting import services as reporting_services
from workflows.reporting.flows import ReportingFlow
from workflows.reporting.models import ProgressReport


def _grow(world, regions: int, rounds: int):
    """``regions`` more active regions paired with organisation A, each with a team member and a
    checklist state, and ``rounds`` more opened rounds in which every report is submitted and the
    first one also accepted."""
    core = list(Advice.objects.filter(is_core=True))
    item = ChecklistItem.objects.filter(advice__number=1).first()
    start = getattr(world, "grown", 0)
    world.grown = start + max(regions, rounds)
    for index in range(start, start + regions):
        region = RegionFactory(name=f"Groei {index}", slug=f"groei-{index}")
        region_services.region_pair_organisation(region=region, organisation=world.org_a)
        learning_services.region_advices_set(region=region, advices=core)
        member = UserFactory(username=f"groei-team-{index}")
        region_services.region_add_member(region=region, user=member)
        learning_services.checklist_item_update(region=region, item=item, status="in_place")
    for number in range(start, start + rounds):
        reporting_round = make_round(f"Groeironde {number}", due_in_days=-5 - number)
        reporting_services.round_open(reporting_round=reporting_round)
        for report in ProgressReport.objects.filter(round=reporting_round).select_related("region"):
            team = report.region.memberships.select_related("user").first()
            if not report.region.slug.startswith("groei"):
                continue  # regions A and B leave their reports as drafts
            write(report, team.user)
            reporting_services.report_submit(report=report, user=team.user)
        first = ProgressReport.objects.filter(round=reporting_round, version__gte=1).first()
        task = open_task(first, ReportingFlow.review)
        core_services.task_claim(task=task, user=world["reviewer_a"])
        task.refresh_from_db()
        reporting_services.review_complete(task=task, user=world["reviewer_a"], outcome="accept")


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    if getattr(response, "streaming", False):
        b"".join(response.streaming_content)
    return len(queries), response


@pytest.mark.parametrize("username", ["office", "reviewer_a", "team_a"])
def test_query_counts_stay_constant_as_data_grows(client, login, reporting_world, username):
    world = reporting_world
    _grow(world, regions=2, rounds=1)
    login(world[username])
    urls = [
        reverse("reports:overview"),
        reverse("reports:region_progress", args=[world.region_a.slug]),
        reverse("learning:export", args=["reports", "csv"]),
        reverse("learning:export", args=["reports", "xlsx"]),
    ]
    small = [_count(client, url)[0] for url in urls]
    _grow(world, regions=12, rounds=3)
    write_a = ProgressReport.objects.filter(region=world.region_a).count()
    assert write_a >= 3
    large = [_count(client, url)[0] for url in urls]
    assert small == large, list(zip(urls, small, large, strict=True))


def test_overview_numbers(client, login, reporting_world):
    world = reporting_world
    _grow(world, regions=3, rounds=2)
    login(world["office"])
    _queries, response = _count(client, reverse("reports:overview"))
    per_state = {state: n for state, _label, n in response.context["per_state"]}
    assert per_state == {"draft": 4, "submitted": 4, "questions": 0, "accepted": 2}
    # Region A and B have no team reports in the grown rounds: they are drafts, overdue.
    assert {r.region.name for r in response.context["overdue"]} == {"Regio A", "Regio B"}
    progress = {p.advice.number: p for p in response.context["progress"]}
    assert progress[1].regions == 5
    assert progress[1].counts["in_place"] == 3
    assert progress[1].total == 5 * ChecklistItem.objects.filter(advice__number=1, is_active=True).count()
    assert "te laat" in response.content.decode()


def test_reviewer_overview_is_scoped_to_paired_regions(client, login, reporting_world):
    world = reporting_world
    _grow(world, regions=2, rounds=1)
    login(world["reviewer_b"])
    _queries, response = _count(client, reverse("reports:overview"))
    assert response.context["region_count"] == 1
    assert {p.advice.number: p.regions for p in response.context["progress"]}[1] == 1
    assert all(n == 0 for _s, _l, n in response.context["per_state"])  # region B's report is a draft
    assert "Groei" not in response.content.decode()


def test_region_chart_shows_the_trend_over_rounds(client, login, reporting_world):
    world = reporting_world
    item = ChecklistItem.objects.filter(advice__number=1).order_by("position").first()
    for number, status in enumerate(["started", "embedded"]):
        learning_services.checklist_item_update(region=world.region_a, item=item, status=status)
        reporting_round = make_round(f"Ronde {number}", due_in_days=-100 + 50 * number)
        reporting_services.round_open(reporting_round=reporting_round)
        report = ProgressReport.objects.get(round=reporting_round, region=world.region_a)
        write(report, world["team_a"])
        reporting_services.report_submit(report=report, user=world["team_a"])
    login(world["team_a"])
    response = client.get(reverse("reports:region_progress", args=[world.region_a.slug]))
    trends = {t.number: t.shares for t in response.context["trends"]}
    total = ChecklistItem.objects.filter(advice__number=1, is_active=True).count()
    assert trends[1] == [0, round(100 / total)]
    body = response.content.decode()
    assert "<svg" in body and "<table" in body and "Ronde 0" in body


def test_export_rows(client, login, submitted):
    login(submitted["office"])
    response = client.get(reverse("learning:export", args=["reports", "csv"]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Regio", "Rapportageronde", "Stand"]
    a_rows = [row for row in rows[1:] if row[0] == "Regio A"]
    assert len(a_rows) == 2  # one per core advice
    assert a_rows[0][2] == "wacht op beoordeling"
    b_rows = [row for row in rows[1:] if row[0] == "Regio B"]
    assert len(b_rows) == 1 and b_rows[0][8] == ""
