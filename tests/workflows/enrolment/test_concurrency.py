"""Concurrency: two people acting on the same task at once, or a form posted twice, give one
transition, never two. Real threads with their own database connections (SQLite in IMMEDIATE
mode by default, PostgreSQL when DATABASE_URL is set)."""

import threading
import time

import pytest
from django.db import connection
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from tests.workflows.enrolment.conftest import EnrolmentFlow, open_task, open_task_for
from workflows.core import services as core_services
from workflows.core import services as task_actions
from workflows.enrolment import services
from workflows.enrolment.models import ApplicationEvent, ApplicationVersion, EnrolmentApplication, Review

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def run_at_once(*calls):
    """Run the calls in threads that start together; return what each returned or raised."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def runner(index, call):
        try:
            barrier.wait()
            results[index] = call()
        except Exception as error:  # noqa: BLE001 - the test inspects what each thread got
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=runner, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


@pytest.fixture
def slow_transitions(monkeypatch):
    """Make each transition hold the lock a little, so the threads really overlap."""
    original = services.log

    def slow_log(*args, **kwargs):
        time.sleep(0.3)
        return original(*args, **kwargs)

    monkeypatch.setattr(services, "log", slow_log)
    monkeypatch.setattr(task_actions, "log", slow_log)  # taking a task is logged there


def _outcomes(results):
    done = [r for r in results if not isinstance(r, Exception)]
    refused = [r for r in results if isinstance(r, services.TaskNotAvailable)]
    assert len(done) + len(refused) == len(results), results
    return done, refused


def test_two_reviewers_take_the_same_task_at_once(world, in_review, slow_transitions):
    task = open_task_for(in_review, world["reviewer_a"])
    results = run_at_once(
        lambda: core_services.task_claim(task=task, user=world["reviewer_a"]),
        lambda: core_services.task_claim(task=task, user=world["connector_a"]),
    )
    done, refused = _outcomes(results)
    assert len(done) == 1 and len(refused) == 1
    task.refresh_from_db()
    assert task.status == STATUS.ASSIGNED and task.owner_id == done[0].owner_id


def test_two_reviewers_submit_the_same_review_at_once(world, in_review, slow_transitions):
    task = open_task_for(in_review, world["reviewer_a"])
    core_services.task_claim(task=task, user=world["reviewer_a"])
    other = open_task_for(in_review, world["reviewer_b"])
    core_services.task_claim(task=other, user=world["reviewer_b"])
    services.review_submit(task=other, user=world["reviewer_b"], recommendation="accept", motivation="Prima.")

    def submit(user):
        return lambda: services.review_submit(
            task=task, user=user, recommendation="reject", motivation=f"Dubbel van {user}"
        )

    # The same form posted twice by its owner, and a colleague trying at the same moment.
    results = run_at_once(submit(world["reviewer_a"]), submit(world["reviewer_a"]), submit(world["connector_a"]))
    done, refused = _outcomes(results)
    assert len(done) == 1 and len(refused) == 2
    assert ApplicationEvent.objects.filter(application=in_review, kind="reviewed").count() == 2
    assert Review.objects.get(task=task).reviewer == world["reviewer_a"]
    decide = Task.objects.filter(process_id=in_review.process_id, flow_task=EnrolmentFlow.decide)
    assert decide.count() == 1
    assert EnrolmentApplication.objects.get(pk=in_review.pk).status == "awaiting_decision"


def test_two_decisions_at_once_give_one(world, awaiting_decision, slow_transitions):
    task = open_task(awaiting_decision, EnrolmentFlow.decide)
    core_services.task_claim(task=task, user=world["office"])
    results = run_at_once(
        lambda: services.decision_make(task=task, user=world["office"], outcome="accept", motivation=""),
        lambda: services.decision_make(task=task, user=world["office"], outcome="reject", motivation="Nee."),
    )
    done, refused = _outcomes(results)
    assert len(done) == 1 and len(refused) == 1
    assert (
        ApplicationEvent.objects.filter(application=awaiting_decision, kind__in=["accepted", "rejected"]).count() == 1
    )


def test_double_submitted_application_starts_one_process(draft, applicant, slow_transitions):
    results = run_at_once(
        lambda: services.application_submit(application=draft, user=applicant),
        lambda: services.application_submit(application=draft, user=applicant),
    )
    done, refused = _outcomes(results)
    assert len(done) == 1 and len(refused) == 1
    assert ApplicationVersion.objects.filter(application=draft).count() == 1
    assert Task.objects.filter(flow_task=EnrolmentFlow.intake).count() == 1
