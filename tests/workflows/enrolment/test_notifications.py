"""E-mail notifications: queued in the database with the step that caused them, delivered by the
worker (`manage.py db_worker --backend email`), in Dutch, to the right people only."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from tests.workflows.enrolment.conftest import EnrolmentFlow, claim_and_run, open_task
from workflows.enrolment import services

DATABASE_QUEUE = {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_mail_is_queued_in_the_database_and_delivered_by_the_worker(settings, world, draft, applicant):
    settings.TASKS = {**settings.TASKS, "email": DATABASE_QUEUE}
    services.application_submit(application=draft, user=applicant)
    queued = DBTaskResult.objects.filter(backend_name="email")
    assert queued.count() == 1 and queued.get().status == "READY"
    assert mail.outbox == []

    call_command("db_worker", "--backend", "email", "--batch", verbosity=0)

    assert queued.get().status == "SUCCESSFUL"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [world["office"].email]
    assert message.subject.endswith("Nieuwe aanmelding voor intake: Drechtsteden")
    assert "Controleer of de aanmelding compleet is" in message.body
    assert "/portal/enrolment/tasks/" in message.body


def test_nothing_is_queued_when_the_step_fails(settings, world, draft, applicant):
    settings.TASKS = {**settings.TASKS, "email": DATABASE_QUEUE}
    draft.ambition = ""
    draft.save()
    with pytest.raises(ValidationError):
        services.application_submit(application=draft, user=applicant)
    assert not DBTaskResult.objects.exists()


def test_review_tasks_go_to_the_assigned_organisations_only(world, submitted, mailoutbox):
    mailoutbox.clear()
    claim_and_run(
        open_task(submitted, EnrolmentFlow.intake),
        world["office"],
        services.intake_complete,
        organisations=[world.org_a],
        connector=world.org_a,
    )
    recipients = sorted(address for message in mailoutbox for address in message.to)
    assert recipients == sorted([world["reviewer_a"].email, world["connector_a"].email])
    assert all(len(message.to) == 1 for message in mailoutbox)
    assert "Ledenorganisatie A" in mailoutbox[0].subject


def test_decision_and_changes_requested_reach_the_region(world, awaiting_decision, mailoutbox):
    mailoutbox.clear()
    claim_and_run(
        open_task(awaiting_decision, EnrolmentFlow.decide),
        world["office"],
        services.decision_make,
        outcome="changes",
        motivation="Voeg de samenwerkingsverbanden toe.",
    )
    assert [m.to for m in mailoutbox] == [[awaiting_decision.applicant.email]]
    assert "teruggestuurd" in mailoutbox[0].subject
    assert "Voeg de samenwerkingsverbanden toe." in mailoutbox[0].body
    assert "&" not in mailoutbox[0].body  # plain text, not HTML-escaped
