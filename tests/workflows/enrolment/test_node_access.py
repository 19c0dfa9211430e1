"""Every node of the enrolment flow through HTTP, as the right role, the wrong role and anonymous:
wrong people get 404 (never data), anonymous visitors the login page."""

import pytest
from django.urls import reverse
from viewflow.workflow.status import STATUS

from tests.workflows.enrolment.conftest import EnrolmentFlow, claim_and_run, open_task, open_task_for, task_url
from workflows.core import services as core_services
from workflows.enrolment import services

SECRET = "Ontwikkelvraag-GEHEIM-91x"


@pytest.fixture
def secret_in_review(in_review):
    in_review.development_question = SECRET
    in_review.save()
    return in_review


def node_task(application, world, node):
    if node == "review":
        return open_task_for(application, world["reviewer_a"])
    return open_task(application, getattr(EnrolmentFlow, node))


def _state(request, node):
    """An application waiting at ``node`` (with the secret in its data)."""
    world = request.getfixturevalue("world")
    fixture = {"intake": "submitted", "review": "in_review", "decide": "awaiting_decision"}.get(node)
    if node == "revise":
        application = request.getfixturevalue("awaiting_decision")
        claim_and_run(
            open_task(application, EnrolmentFlow.decide),
            world["office"],
            services.decision_make,
            outcome="changes",
            motivation="Graag aanvullen.",
        )
    else:
        application = request.getfixturevalue(fixture)
    application.refresh_from_db()
    application.development_question = SECRET
    application.save()
    return world, application, node_task(application, world, node)


RIGHT = {"intake": "office", "review": "reviewer_a", "decide": "office", "revise": "applicant"}
WRONG = {
    "intake": ["reviewer_a", "team_a", "connector_a", "editor", "no_role", "applicant"],
    "review": ["reviewer_b", "office", "team_a", "applicant", "no_role"],
    "decide": ["reviewer_a", "reviewer_b", "team_a", "applicant", "editor"],
    "revise": ["office", "reviewer_a", "team_b", "no_role"],
}


def person(request, world, key):
    return request.getfixturevalue("applicant") if key == "applicant" else world[key]


@pytest.mark.parametrize("node", ["intake", "review", "decide", "revise"])
def test_anonymous_visitors_are_sent_to_login(client, request, node):
    _world, _application, task = _state(request, node)
    for response in (client.get(task_url(task)), client.post(task_url(task), {"action": "claim"})):
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("node", ["intake", "review", "decide", "revise"])
def test_wrong_roles_get_404_and_no_data(client, login, request, node):
    world, application, task = _state(request, node)
    for key in WRONG[node]:
        client.logout()
        login(person(request, world, key))
        for response in (client.get(task_url(task)), client.post(task_url(task), {"action": "claim"})):
            assert response.status_code == 404, (key, response.status_code)
            assert SECRET not in response.content.decode()
    task.refresh_from_db()
    assert task.owner_id in (None, application.applicant_id)


@pytest.mark.parametrize("node", ["intake", "review", "decide", "revise"])
def test_the_right_role_sees_and_takes_the_task(client, login, request, node):
    world, _application, task = _state(request, node)
    user = person(request, world, RIGHT[node])
    login(user)
    response = client.get(task_url(task))
    assert response.status_code == 200
    assert SECRET in response.content.decode()
    if node != "revise":  # the revision is assigned to the applicant from the start
        assert client.post(task_url(task), {"action": "claim"}).status_code == 302
    task.refresh_from_db()
    assert task.status == STATUS.ASSIGNED and task.owner_id == user.pk


def test_a_task_taken_by_a_colleague_cannot_be_completed_by_another(client, login, world, in_review):
    task = open_task_for(in_review, world["reviewer_a"])
    core_services.task_claim(task=task, user=world["reviewer_a"])
    login(world["connector_a"])
    response = client.post(task_url(task), {"recommendation": "reject", "motivation": "Nee."})
    assert response.status_code == 302 and response.url == in_review.get_absolute_url()
    task.refresh_from_db()
    assert task.status == STATUS.ASSIGNED and task.owner_id == world["reviewer_a"].pk
    assert not in_review.events.filter(kind="reviewed").exists()
    response = client.post(task_url(task), {"action": "claim"})
    task.refresh_from_db()
    assert task.owner_id == world["reviewer_a"].pk


def test_a_completed_task_cannot_be_done_again(client, login, world, in_review):
    task = open_task_for(in_review, world["reviewer_a"])
    login(world["reviewer_a"])
    client.post(task_url(task), {"action": "claim"})
    data = {"recommendation": "accept", "motivation": "Goed."}
    assert client.post(task_url(task), data).status_code == 302
    response = client.post(task_url(task), data)  # the form posted a second time
    assert response.status_code == 302
    assert in_review.events.filter(kind="reviewed").count() == 1
    assert client.get(task_url(task)).status_code == 200  # a read-only page: "completed"


def test_release_gives_the_task_back(client, login, world, submitted):
    task = open_task(submitted, EnrolmentFlow.intake)
    login(world["office"])
    client.post(task_url(task), {"action": "claim"})
    assert client.post(task_url(task), {"action": "release"}).status_code == 302
    task.refresh_from_db()
    assert task.status == STATUS.NEW and task.owner_id is None


def test_task_urls_with_a_foreign_process_id_are_404(client, login, world, in_review):
    from tests.conftest import make_user
    from tests.workflows.enrolment.conftest import fill

    other = make_user("tweede-aanvrager")
    second = services.application_create(applicant=other, region_name="West-Brabant")
    fill(second, other)
    services.application_submit(application=second, user=other)
    task = open_task(second, EnrolmentFlow.intake)
    login(world["office"])
    url = reverse("enrolment:enrolment:intake:execute", kwargs={"process_pk": in_review.process_id, "task_pk": task.pk})
    assert client.get(url).status_code == 404
