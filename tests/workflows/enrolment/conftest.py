"""Fixtures for the enrolment workflow: e-mail tasks run at once, and helpers that walk the process."""

import pytest
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from learning.models import Advice
from regions.models import User
from tests.conftest import make_user
from tests.factories import MunicipalityFactory, SamenwerkingsverbandFactory
from workflows.core import services as core_services
from workflows.core.nodes import task_url
from workflows.enrolment import access as enrolment_access
from workflows.enrolment import services
from workflows.enrolment.flows import EnrolmentFlow
from workflows.enrolment.models import EnrolmentApplication

IMMEDIATE = {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}


@pytest.fixture(autouse=True)
def _send_email_at_once(settings):
    """Tests deliver queued e-mail at once (tests/workflows/test_notifications.py proves the worker)."""
    settings.TASKS = {"default": IMMEDIATE, "email": IMMEDIATE}


@pytest.fixture
def applicant(world):
    user = make_user("aanvrager")
    user.email = "aanvrager@example.org"
    user.save()
    return User.objects.get(pk=user.pk)


def fill(application, user, **overrides):
    """Fill in every field of ``application`` (complete enough to submit)."""
    municipality = MunicipalityFactory(name=f"Dordrecht {application.pk}")
    swv = SamenwerkingsverbandFactory()
    data = {
        "region_name": application.region.name,
        "municipalities": [municipality],
        "samenwerkingsverbanden": [swv],
        "partners": "Stichting Openbaar Onderwijs\nJeugdzorgaanbieder Zuid",
        "development_question": "Hoe maken we van school en jeugdhulp één team rond elk kind?",
        "public_summary": "Een regio die onderwijs en jeugdhulp samen organiseert.",
        "advices": list(Advice.objects.filter(is_core=True)),
        "ambition": "Elk kind krijgt binnen twee weken passende hulp op school.",
        "activities": "Werkateliers, een gezamenlijk ondersteuningsteam, monitoring.",
        "verbinder_1_name": "Anna Verbinder",
        "verbinder_1_email": user.email,
        "verbinder_2_name": "",
        "verbinder_2_email": "",
        **overrides,
    }
    return services.application_save(application=application, user=user, data=data)


@pytest.fixture
def draft(applicant):
    application = services.application_create(applicant=applicant, region_name="Drechtsteden")
    fill(application, applicant)
    return EnrolmentApplication.objects.get(pk=application.pk)


def open_task(application, node):
    application.refresh_from_db()
    return Task.objects.filter(
        process_id=application.process_id, flow_task=node, status__in=[STATUS.NEW, STATUS.ASSIGNED]
    ).first()


def claim_and_run(task, user, service, **kwargs):
    core_services.task_claim(task=task, user=user)
    task.refresh_from_db()
    return service(task=task, user=user, **kwargs)


@pytest.fixture
def submitted(draft, applicant):
    services.application_submit(application=draft, user=applicant)
    draft.refresh_from_db()
    return draft


@pytest.fixture
def in_review(submitted, world):
    task = open_task(submitted, EnrolmentFlow.intake)
    claim_and_run(
        task, world["office"], services.intake_complete, organisations=[world.org_a, world.org_b], connector=world.org_a
    )
    submitted.refresh_from_db()
    return submitted


@pytest.fixture
def awaiting_decision(in_review, world):
    for user in (world["reviewer_a"], world["reviewer_b"]):
        task = open_task_for(in_review, user)
        claim_and_run(task, user, services.review_submit, recommendation="accept", motivation="Sterke aanvraag.")
    in_review.refresh_from_db()
    return in_review


def open_task_for(application, user):

    application.refresh_from_db()
    return enrolment_access.tasks_for(user).filter(process_id=application.process_id, status=STATUS.NEW).first()


__all__ = ["EnrolmentFlow", "claim_and_run", "fill", "open_task", "open_task_for", "task_url"]
