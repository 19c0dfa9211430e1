"""The e-mail worker stopped and started again: workflow steps queue their messages in the database
(django-tasks-db, the ``email`` backend) and nothing is sent while no worker runs; the real worker
(``manage.py db_worker --backend email --batch``, started as its own process against the test
database) then delivers each message exactly once, also when two workers run side by side, and a
step that fails queues nothing.

Works on SQLite (the workers serialise on an exclusive transaction) and on PostgreSQL
(``SELECT ... FOR UPDATE SKIP LOCKED``), whichever the test database is.
"""

import email
import os
import subprocess
import sys
from collections import Counter
from email.header import decode_header, make_header
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.db import DatabaseError, connection
from django_tasks_db.models import DBTaskResult

from learning.models import Advice
from regions.models import User
from regions.roles import Role
from tests.conftest import make_user
from tests.factories import MunicipalityFactory
from tests.workflows.enrolment.conftest import EnrolmentFlow, claim_and_run, open_task, open_task_for
from workflows.core import mail
from workflows.core import services as core_services
from workflows.enrolment import services
from workflows.enrolment.models import EnrolmentApplication, Review

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = Path(settings.BASE_DIR)
SEPARATOR = "-" * 79  # Django's file backend writes this line after every message


# --- The worker process --------------------------------------------------------------------------------
def database_url() -> str:
    """The URL of the test database this test runs against (the worker process opens it too)."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def worker_env(mail_dir: Path, **extra) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.config.worker_settings",
        "DATABASE_URL": database_url(),
        "WORKER_MAIL_DIR": str(mail_dir),
        **extra,
    }
    env.pop("EMAIL_TASK_BACKEND", None)
    return env


def start_worker(env: dict, worker_id: str) -> subprocess.Popen:
    """``manage.py db_worker`` as documented in the README, in batch mode (it exits when the queue is empty)."""
    return subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--backend",
            "email",
            "--batch",
            "--no-reload",
            "--no-startup-delay",
            "--worker-id",
            worker_id,
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen) -> None:
    try:
        out, err = process.communicate(timeout=300)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
    assert process.returncode == 0, (out, err)


def run_worker(mail_dir: Path, worker_id: str = "worker-1") -> None:
    finish(start_worker(worker_env(mail_dir), worker_id))


def delivered(mail_dir: Path) -> Counter:
    """(recipient, subject) of every message the workers wrote, counted."""
    found = Counter()
    if not mail_dir.exists():
        return found
    for path in mail_dir.iterdir():
        for raw in path.read_text().split(SEPARATOR):
            if not raw.strip():
                continue
            message = email.message_from_string(raw.strip())
            subject = " ".join(str(make_header(decode_header(message["Subject"]))).split())  # unfolded
            found[(message["To"], subject)] += 1
    return found


def queued() -> Counter:
    """(recipient, subject) of every message waiting in (or delivered from) the database queue."""
    expected = Counter()
    for result in DBTaskResult.objects.filter(backend_name="email"):
        kwargs = result.args_kwargs["kwargs"]
        for recipient in kwargs["recipients"]:
            expected[(recipient, " ".join(kwargs["subject"].split()))] += 1
    return expected


# --- The enrolment steps ---------------------------------------------------------------------------------
def applicant_with_draft(number: int) -> EnrolmentApplication:
    user = make_user(f"aanvrager-{number}")
    user.email = f"aanvrager-{number}@example.org"
    user.save()
    application = services.application_create(applicant=user, region_name=f"Regio {number}")
    services.application_save(
        application=application,
        user=user,
        data={
            "municipalities": [MunicipalityFactory(name=f"Gemeente {number}")],
            "development_question": "Hoe werken school en jeugdhulp samen rond elk kind?",
            "advices": list(Advice.objects.filter(is_core=True)),
            "ambition": "Eén team rond elk kind.",
            "activities": "Werkateliers en een ondersteuningsteam per school.",
            "verbinder_1_name": "Anna Verbinder",
            "verbinder_1_email": user.email,
        },
    )
    return EnrolmentApplication.objects.get(pk=application.pk)


def submit(application: EnrolmentApplication) -> None:
    services.application_submit(application=application, user=User.objects.get(pk=application.applicant_id))
    application.refresh_from_db()


def whole_process(world, application: EnrolmentApplication) -> None:
    """Submit, intake with two organisations, both reviews, changes requested, resubmit, intake,
    review, accept: every kind of message the enrolment sends."""
    applicant = User.objects.get(pk=application.applicant_id)
    submit(application)
    claim_and_run(
        open_task(application, EnrolmentFlow.intake),
        world["office"],
        services.intake_complete,
        organisations=[world.org_a, world.org_b],
        connector=world.org_a,
    )
    for user in (world["reviewer_a"], world["reviewer_b"]):
        task = open_task_for(application, user)
        claim_and_run(task, user, services.review_submit, recommendation="accept", motivation="Sterk plan.")
    claim_and_run(
        open_task(application, EnrolmentFlow.decide),
        world["office"],
        services.decision_make,
        outcome="changes",
        motivation="Beschrijf hoe u meet.",
    )
    services.application_submit(application=application, user=applicant)
    claim_and_run(
        open_task(application, EnrolmentFlow.intake),
        world["office"],
        services.intake_complete,
        organisations=[world.org_a],
        connector=world.org_a,
    )
    claim_and_run(
        open_task_for(application, world["connector_a"]),
        world["connector_a"],
        services.review_submit,
        recommendation="accept",
        motivation="Nu helder.",
    )
    claim_and_run(
        open_task(application, EnrolmentFlow.decide),
        world["office"],
        services.decision_make,
        outcome="accept",
        motivation="",
    )
    application.refresh_from_db()
    assert application.status == "accepted"


# --- Tests ---------------------------------------------------------------------------------------------------
def test_mail_waits_while_the_worker_is_stopped_and_is_sent_once_when_it_returns(world, tmp_path):
    mail_dir = tmp_path / "mail"
    whole_process(world, applicant_with_draft(1))

    # No worker ran: every message waits in the database, nothing was sent.
    results = DBTaskResult.objects.filter(backend_name="email")
    expected = queued()
    assert results.count() == 9  # intake x2, review x3, decision x2, changes requested, decision mail
    assert set(results.values_list("status", flat=True)) == {"READY"}
    # Organisation A's review goes to its reviewer and its connector; two intakes, two decisions.
    assert sum(expected.values()) == 11
    assert delivered(mail_dir) == Counter()

    # The worker comes back: each message is delivered exactly once.
    run_worker(mail_dir)
    assert delivered(mail_dir) == expected  # each queued message once: not lost, not doubled
    assert set(results.values_list("status", flat=True)) == {"SUCCESSFUL"}
    assert all(len(result.worker_ids) == 1 for result in results)
    subjects = {subject for _, subject in expected}
    assert any("Nieuwe aanmelding voor intake" in subject for subject in subjects)
    assert any("teruggestuurd" in subject for subject in subjects)
    assert any("Besluit" in subject for subject in subjects)

    # Started again, the worker finds nothing left to send.
    run_worker(mail_dir, "worker-2")
    assert delivered(mail_dir) == expected
    assert all(result.worker_ids == ["worker-1"] for result in results)


def test_two_workers_started_at_once_deliver_each_message_once(world, tmp_path):
    mail_dir = tmp_path / "mail"
    gate = tmp_path / "gate"
    gate.mkdir()
    make_user("office_2", organisation=world.office, roles=[Role.PROGRAMME_OFFICE])
    for number in range(1, 13):
        submit(applicant_with_draft(number))
    expected = queued()
    assert DBTaskResult.objects.filter(backend_name="email", status="READY").count() == 12
    assert sum(expected.values()) == 24  # two programme-office people hear of each intake

    # Both workers hold a claimed task before either sends (the gate), then both go on.
    env = worker_env(mail_dir, WORKER_GATE=str(gate), WORKER_GATE_SIZE="2", WORKER_SEND_DELAY="0.05")
    workers = [start_worker(env, "worker-1"), start_worker(env, "worker-2")]
    for process in workers:
        finish(process)

    assert delivered(mail_dir) == expected
    results = list(DBTaskResult.objects.filter(backend_name="email"))
    assert {result.status for result in results} == {"SUCCESSFUL"}
    assert all(len(result.worker_ids) == 1 for result in results)  # no message was claimed twice
    by_worker = Counter(result.worker_ids[0] for result in results)
    assert set(by_worker) == {"worker-1", "worker-2"}, by_worker  # both really worked
    assert sum(by_worker.values()) == 12


def test_a_failed_step_queues_nothing_and_the_worker_sends_nothing(world, tmp_path):
    mail_dir = tmp_path / "mail"
    application = applicant_with_draft(1)
    submit(application)
    run_worker(mail_dir)
    assert sum(delivered(mail_dir).values()) == 1
    before = DBTaskResult.objects.count()
    task = open_task(application, EnrolmentFlow.intake)
    core_services.task_claim(task=task, user=world["office"])
    task.refresh_from_db()

    # The intake creates the first review task and queues its message, then the database fails.
    original = mail.queue

    def queue_then_fail(*args, **kwargs):
        original(*args, **kwargs)
        raise DatabaseError("the database went away")

    with mock.patch.object(mail, "queue", queue_then_fail), pytest.raises(DatabaseError):
        services.intake_complete(
            task=task, user=world["office"], organisations=[world.org_a, world.org_b], connector=world.org_a
        )

    assert DBTaskResult.objects.count() == before
    assert not Review.objects.exists()
    task.refresh_from_db()
    assert task.status == "ASSIGNED"
    run_worker(mail_dir, "worker-2")
    assert sum(delivered(mail_dir).values()) == 1

    # Done again without the fault, the step queues its messages once and they are delivered once.
    services.intake_complete(task=task, user=world["office"], organisations=[world.org_a], connector=world.org_a)
    assert DBTaskResult.objects.count() == before + 1
    run_worker(mail_dir, "worker-3")
    assert delivered(mail_dir) == queued()
