"""Every node of the reporting flow through HTTP, as the right role, the wrong roles and anonymous:
wrong people get 404 (never the report's text), anonymous visitors the login page, and nothing moves."""

import pytest
from django.urls import reverse

from learning.models import Advice
from tests.workflows.reporting.conftest import open_task, write
from workflows.core.nodes import task_url
from workflows.reporting.flows import ReportingFlow

SECRET = "Voortgang-GEHEIM-31q"


def _state(request, node):
    world = request.getfixturevalue("opened" if node == "fill" else "submitted")
    report = world.report_a
    if node == "fill":
        write(
            report,
            world["team_a"],
            narratives={a.pk: {"changed": SECRET} for a in Advice.objects.filter(is_core=True)},
        )
    else:
        version = report.versions.first()
        version.data["next_steps"] = SECRET
        version.save()
    return world, report, open_task(report, getattr(ReportingFlow, node))


RIGHT = {"fill": ["team_a", "admin"], "review": ["reviewer_a", "connector_a", "office", "admin"]}
WRONG = {
    "fill": ["team_b", "reviewer_a", "connector_a", "office", "editor", "knowledge_a", "no_role", "reviewer_b"],
    "review": ["reviewer_b", "team_a", "team_b", "editor", "knowledge_a", "no_role"],
}


@pytest.mark.parametrize("node", ["fill", "review"])
def test_anonymous_visitors_are_sent_to_login(client, request, node):
    _world, _report, task = _state(request, node)
    for response in (client.get(task_url(task)), client.post(task_url(task), {"action": "claim"})):
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("node", ["fill", "review"])
def test_wrong_roles_get_404_and_no_data(client, login, request, node):
    world, report, task = _state(request, node)
    for key in WRONG[node]:
        client.logout()
        login(world[key])
        for response in (
            client.get(task_url(task)),
            client.post(task_url(task), {"action": "claim"}),
            client.post(task_url(task), {"action": "submit", "next_steps": "x"}),
        ):
            assert response.status_code == 404, (key, response.status_code)
            assert SECRET not in response.content.decode()
    task.refresh_from_db()
    report.refresh_from_db()
    assert task.owner_id is None
    assert report.state == ("draft" if node == "fill" else "submitted")


@pytest.mark.parametrize("node", ["fill", "review"])
def test_right_roles_see_the_task(client, login, request, node):
    world, _report, task = _state(request, node)
    for key in RIGHT[node]:
        client.logout()
        login(world[key])
        response = client.get(task_url(task))
        assert response.status_code == 200, key
        assert SECRET in response.content.decode()


def test_review_must_be_taken_before_it_is_completed(client, login, submitted):
    task = open_task(submitted.report_a, ReportingFlow.review)
    login(submitted["reviewer_a"])
    response = client.post(task_url(task), {"outcome": "accept"})
    assert response.status_code == 302
    submitted.report_a.refresh_from_db()
    assert submitted.report_a.state == "submitted"


def test_a_colleague_cannot_complete_a_taken_review(client, login, submitted):
    task = open_task(submitted.report_a, ReportingFlow.review)
    login(submitted["reviewer_a"])
    client.post(task_url(task), {"action": "claim"})
    client.logout()
    login(submitted["connector_a"])
    page = client.get(task_url(task))
    assert "reviewer_a" in page.content.decode() or page.status_code == 200
    client.post(task_url(task), {"outcome": "accept"})
    submitted.report_a.refresh_from_db()
    assert submitted.report_a.state == "submitted"


def test_questions_need_a_message(client, login, submitted):
    task = open_task(submitted.report_a, ReportingFlow.review)
    login(submitted["reviewer_a"])
    client.post(task_url(task), {"action": "claim"})
    response = client.post(task_url(task), {"outcome": "questions", "message": "  "})
    assert response.status_code == 400
    assert "Schrijf de vragen voor de regio" in response.content.decode()


def test_the_team_cannot_submit_an_incomplete_report(client, login, opened):
    login(opened["team_a"])
    task = open_task(opened.report_a, ReportingFlow.fill)
    data = {"action": "submit", "next_steps": "", "indicators-TOTAL_FORMS": "0", "indicators-INITIAL_FORMS": "0"}
    response = client.post(task_url(task), data)
    assert response.status_code == 400
    opened.report_a.refresh_from_db()
    assert opened.report_a.state == "draft" and opened.report_a.version == 0
    assert "Vul voor het indienen nog in: wat er veranderde bij advies 1" in response.content.decode()
