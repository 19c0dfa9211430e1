"""Each workflow transition is one transaction: when the database fails at any write of a step,
nothing of the step is left (no task, event, review, version, status, grant, page or queued e-mail),
the person gets the friendly 503, and doing the step again works once.

Every step is posted through HTTP by the person who does it, with a fault at the 1st write, then at
the 2nd, and so on, until the step goes through because it has no more writes to fail. After each
failure the whole database (every table, every row) is compared with the state before the step.
Runs on real commits (transactional test), so a write outside the step's transaction would stay.
"""

import pytest
from django.apps import apps
from django.db import OperationalError, connection
from django.test import Client
from django_tasks_db.models import DBTaskResult
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from cms.models import RegionPage
from regions.models import Region, RegionMembership
from tests.conftest import give_two_factor_device
from tests.workflows.enrolment import conftest as enrolment
from tests.workflows.enrolment.conftest import EnrolmentFlow, open_task, open_task_for, task_url
from tests.workflows.enrolment.test_process import form_data
from workflows.core import services as core_services
from workflows.enrolment.models import ApplicationEvent, ApplicationVersion, EnrolmentApplication, Review

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# The enrolment fixtures (tests/workflows/conftest.py), without its switch to immediate e-mail: here
# messages go to the real database queue, so a failed step must leave no queued message either.
applicant = enrolment.applicant
draft = enrolment.draft
submitted = enrolment.submitted
in_review = enrolment.in_review
awaiting_decision = enrolment.awaiting_decision

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


# Wagtail's reference index and search index are derived data (`manage.py rebuild_references_index`
# and `update_index` rebuild them). Accepting a region publishes its page, and Wagtail updates both in
# tasks that the immediate "default" task backend runs inside the step and whose errors it swallows:
# a fault there leaves the step complete without those index rows (PostgreSQL) or breaks the
# transaction into a 500 (SQLite), neither with half a step. No fault is injected into them.
DERIVED_TABLES = ("wagtailcore_referenceindex", "wagtailsearch_indexentry")


class FailAtWrite:
    """A database wrapper that raises OperationalError at the ``n``-th write statement."""

    def __init__(self, n: int):
        self.n = n
        self.writes = 0
        self.failed = False

    def __call__(self, execute, sql, params, many, context):
        if sql.lstrip().split(None, 1)[0].upper() in WRITES and not any(t in sql for t in DERIVED_TABLES):
            self.writes += 1
            if self.writes == self.n:
                self.failed = True
                raise OperationalError("the database went away (test fault)")
        return execute(sql, params, many, context)


def database_state(ignore=()):
    """Every row of every table, by table name (``ignore``: (table, column) pairs left out)."""
    state = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        table = model._meta.db_table
        columns = [f.attname for f in model._meta.concrete_fields if (table, f.attname) not in ignore]
        state[table] = list(model._base_manager.order_by("pk").values_list(*columns))
    return state


def signed_in(user) -> Client:
    from django_otp import DEVICE_ID_SESSION_KEY

    client = Client(raise_request_exception=False)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = give_two_factor_device(user).persistent_id
    session.save()
    return client


def fail_at_every_write(client, url, data, *, ignore=()):
    """Post the step with a fault at write 1, 2, ... until it goes through; return the faults tried
    and the final (successful) response. Each failed attempt must answer 503 and leave the
    database exactly as it was."""
    before = database_state(ignore)
    n = 0
    while True:
        n += 1
        fault = FailAtWrite(n)
        with connection.execute_wrapper(fault):
            response = client.post(url, data)
        if not fault.failed:
            return n - 1, response
        assert response.status_code == 503, (n, response.status_code)
        after = database_state(ignore)
        changed = [table for table in before if before[table] != after[table]]
        assert not changed, f"fault at write {n} of {url} left changes in {changed}"
        assert n < 500, "the step never went through"


def queued_mail():
    return DBTaskResult.objects.filter(backend_name="email").count()


# Submitting first saves the form in its own transaction, by design (what the region typed is kept
# even when submitting fails). The tests save the same values just before, so that this save only
# touches the application's ``updated_at``, and check that nothing of the submission is left.
DRAFT_SAVE = {("enrolment_enrolmentapplication", "updated_at")}


def test_submitting_an_application(world, draft, applicant):
    mail = queued_mail()
    client = signed_in(applicant)
    url = f"/portal/enrolment/applications/{draft.pk}/edit/"
    assert client.post(url, {**form_data(draft), "action": "save"}).status_code == 302  # the draft as typed
    faults, response = fail_at_every_write(client, url, {**form_data(draft), "action": "submit"}, ignore=DRAFT_SAVE)
    assert faults >= 5
    assert response.status_code == 302 and response.url == draft.get_absolute_url()
    draft.refresh_from_db()
    assert draft.status == "submitted" and draft.round == 1
    assert ApplicationVersion.objects.filter(application=draft).count() == 1
    assert Task.objects.filter(process_id=draft.process_id, flow_task=EnrolmentFlow.intake).count() == 1
    assert queued_mail() == mail + 1


def test_claiming_a_task(world, submitted):
    task = open_task(submitted, EnrolmentFlow.intake)
    faults, response = fail_at_every_write(signed_in(world["office"]), task_url(task), {"action": "claim"})
    assert faults >= 1 and response.status_code == 302
    task.refresh_from_db()
    assert task.status == STATUS.ASSIGNED and task.owner == world["office"]


def _claimed(task, user):

    core_services.task_claim(task=task, user=user)
    return signed_in(user)


def test_intake_complete(world, submitted):
    task = open_task(submitted, EnrolmentFlow.intake)
    client = _claimed(task, world["office"])
    mail = queued_mail()
    data = {"outcome": "complete", "organisations": [world.org_a.pk, world.org_b.pk], "connector": world.org_a.pk}
    faults, response = fail_at_every_write(client, task_url(task), data)
    assert faults >= 10 and response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == "in_review"
    assert Review.objects.filter(application=submitted).count() == 2
    review_tasks = Task.objects.filter(process_id=submitted.process_id, flow_task=EnrolmentFlow.review)
    assert review_tasks.count() == 2 and not Review.objects.filter(task__isnull=True).exists()
    assert ApplicationEvent.objects.filter(application=submitted, kind="intake_complete").count() == 1
    assert queued_mail() == mail + 2


def test_intake_incomplete(world, submitted):
    task = open_task(submitted, EnrolmentFlow.intake)
    client = _claimed(task, world["office"])
    data = {"outcome": "incomplete", "motivation": "De gemeenten ontbreken."}
    faults, response = fail_at_every_write(client, task_url(task), data)
    assert faults >= 5 and response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == "changes_requested"
    assert Task.objects.filter(process_id=submitted.process_id, flow_task=EnrolmentFlow.revise).count() == 1


def test_last_review_opens_the_decision(world, in_review):
    from workflows.enrolment import services

    first = open_task_for(in_review, world["reviewer_a"])
    core_services.task_claim(task=first, user=world["reviewer_a"])
    first.refresh_from_db()
    services.review_submit(task=first, user=world["reviewer_a"], recommendation="accept", motivation="Goed.")
    task = open_task_for(in_review, world["reviewer_b"])
    client = _claimed(task, world["reviewer_b"])
    data = {"recommendation": "accept_conditions", "motivation": "Maak de monitoring concreter."}
    faults, response = fail_at_every_write(client, task_url(task), data)
    assert faults >= 5 and response.status_code == 302
    in_review.refresh_from_db()
    assert in_review.status == "awaiting_decision"
    assert Task.objects.filter(process_id=in_review.process_id, flow_task=EnrolmentFlow.decide).count() == 1
    assert ApplicationEvent.objects.filter(application=in_review, kind="reviewed").count() == 2


@pytest.mark.parametrize("outcome", ["accept", "changes", "reject"])
def test_decision(world, awaiting_decision, outcome):
    task = open_task(awaiting_decision, EnrolmentFlow.decide)
    client = _claimed(task, world["office"])
    mail = queued_mail()
    data = {"outcome": outcome, "motivation": "Zo besloten."}
    faults, response = fail_at_every_write(client, task_url(task), data)
    assert faults >= 5 and response.status_code == 302
    application = EnrolmentApplication.objects.get(pk=awaiting_decision.pk)
    region = Region.objects.get(pk=application.region_id)
    assert (
        ApplicationEvent.objects.filter(
            application=application, kind__in=["accepted", "rejected", "changes_requested"]
        ).count()
        == 1
    )
    if outcome == "accept":
        # The largest step: region active, team membership, pairing, public page, all or nothing.
        assert faults >= 20
        assert application.status == "accepted" and region.status == Region.Status.ACTIVE
        assert RegionMembership.objects.filter(region=region, user=application.applicant).count() == 1
        assert RegionPage.objects.filter(region=region, live=True).count() == 1
    elif outcome == "changes":
        assert application.status == "changes_requested"
    else:
        assert application.status == "rejected" and region.status == Region.Status.APPLICANT
    assert queued_mail() == mail + 1


def test_resubmitting_a_returned_application(world, awaiting_decision, applicant):
    from workflows.enrolment import services

    task = open_task(awaiting_decision, EnrolmentFlow.decide)
    core_services.task_claim(task=task, user=world["office"])
    task.refresh_from_db()
    services.decision_make(task=task, user=world["office"], outcome="changes", motivation="Meer detail.")
    revise = open_task(awaiting_decision, EnrolmentFlow.revise)
    client = signed_in(applicant)
    data = form_data(awaiting_decision, ambition="Eén team, gemeten per kwartaal.")
    assert client.post(task_url(revise), {**data, "action": "save"}).status_code == 302  # the changes as typed
    faults, response = fail_at_every_write(client, task_url(revise), {**data, "action": "submit"}, ignore=DRAFT_SAVE)
    assert faults >= 5 and response.status_code == 302
    application = EnrolmentApplication.objects.get(pk=awaiting_decision.pk)
    assert application.status == "submitted" and application.round == 2
    assert application.versions.count() == 2
    assert Task.objects.filter(process_id=application.process_id, flow_task=EnrolmentFlow.intake).count() == 2
