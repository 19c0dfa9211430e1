#!/usr/bin/env python
"""Bounded load test on 127.0.0.1: N virtual users for T seconds over public and signed-in pages,
with writes (document uploads by region teams, status changes by the programme office) and the
enrolment workflow: applicants start and submit applications (and resubmit returned ones), the
programme office does intake and decisions, coalition reviewers of one organisation race to claim
and complete the same review tasks; some forms are posted twice at once (a double click).

It builds its own database (SQLite in var/, or --database-url), loads the demo data, starts
gunicorn on a free local port and the e-mail worker (`manage.py db_worker --backend email`), runs
the users, stops everything and prints a report. Afterwards it checks the database: every process
has exactly the tasks, events, reviews and versions its path implies (none lost, none done twice),
every transition a user was told succeeded is there and no other, and every queued e-mail was sent
exactly once. It exits 1 on any error response or any such inconsistency.

    .venv/bin/python scripts/loadtest.py --users 50 --seconds 60
    .venv/bin/python scripts/loadtest.py --users 50 --seconds 60 --database-url postgres://postgres@127.0.0.1:5432/ozj_load
"""

from __future__ import annotations

import argparse
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PASSWORD = "Welkom-OZJ-2026"  # noqa: S105 - the documented demo password
TEAMS = {
    "regio-twente": "twente",
    "regio-utrecht": "utrecht",
    "regio-zuid-limburg": "zuid-limburg",
    "regio-almere": "almere",
}
PUBLIC_PATHS = ["/", "/regios/", "/regios/twente/", "/toegankelijkheid/", "/privacy/", "/accounts/login/"]
TASK_LINK = re.compile(r'href="(/portal/enrolment/tasks/\d+/(intake|review|decide|revise)/\d+/)"')
# The kinds of virtual user, by number % 10.
ANONYMOUS, TEAM, OFFICE_PAGES, APPLICANT, OFFICE_WORKFLOW, REVIEWER_VNG, REVIEWER_PORAAD = range(7)
KINDS = [ANONYMOUS, ANONYMOUS, TEAM, TEAM, OFFICE_PAGES, APPLICANT, APPLICANT, OFFICE_WORKFLOW, REVIEWER_VNG]
KINDS.append(REVIEWER_PORAAD)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pdf() -> bytes:
    from tests.files import pdf_bytes

    return pdf_bytes("Loadtest")


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.statuses: Counter = Counter()
        self.errors: list[str] = []
        self.uploads_ok = 0
        self.status_changes_ok = 0
        self.workflow_latencies: list[float] = []
        self.by_path: dict[str, list[float]] = {}
        self.done: Counter = Counter()  # transitions a user was told succeeded, by kind
        self.refused: Counter = Counter()  # taken or completed by someone else first, by kind
        self.double_posts = 0
        self.double_posts_both_done = 0
        self.second_submit: Counter = Counter()  # what the later of two submits at once answered

    def record(self, method, path, response, started, *, expected=(), workflow=False):
        elapsed = time.perf_counter() - started
        with self.lock:
            self.latencies.append(elapsed)
            if workflow:
                self.workflow_latencies.append(elapsed)
            self.by_path.setdefault(f"{method} {re.sub(r'[0-9]+', '<n>', path)}", []).append(elapsed)
            self.statuses[response.status_code] += 1
            if response.status_code >= 400 and response.status_code not in expected:
                title = re.search(r"<title>([^<]*)</title>", response.text or "")
                who = getattr(threading.current_thread(), "username", "")
                self.errors.append(
                    f"{method} {path} -> {response.status_code} {title.group(1).strip() if title else ''} ({who})"
                )

    def count(self, counter: str, kind: str) -> None:
        with self.lock:
            getattr(self, counter)[kind] += 1


def sign_in(session: requests.Session, base: str, username: str, stats: Stats, *, follow: bool = True) -> None:
    threading.current_thread().username = username
    started = time.perf_counter()
    page = session.get(f"{base}/accounts/login/", timeout=60)
    stats.record("GET", "/accounts/login/", page, started)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    started = time.perf_counter()
    response = session.post(
        f"{base}/accounts/login/",
        data={"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token},
        headers={"Referer": f"{base}/accounts/login/"},
        timeout=60,  # password hashing (PBKDF2) is slow on purpose
        allow_redirects=follow,
    )
    stats.record("POST", "/accounts/login/", response, started)
    if response.status_code not in (200, 302):
        raise RuntimeError(f"{username} could not sign in")


def csrf(session: requests.Session, base: str, path: str, stats: Stats) -> str:
    started = time.perf_counter()
    page = session.get(base + path, timeout=60)
    stats.record("GET", path, page, started)
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)


def virtual_user(number: int, base: str, deadline: float, stats: Stats, wf: Workflow, delay: float) -> None:
    rng = random.Random(number)
    session = requests.Session()
    kind = KINDS[number % len(KINDS)]
    time.sleep(delay)  # users arrive over the first seconds, not all in the same instant
    try:
        if kind in WORKFLOW_USERS:
            prefix, run = WORKFLOW_USERS[kind]
            # A new applicant has no portal yet (the dashboard answers 403): they go to the form.
            sign_in(session, base, f"{prefix}-{number}", stats, follow=kind != APPLICANT)
            run(number, base, deadline, stats, wf, rng, session)
        else:
            page_user(number, kind, base, deadline, stats, rng, session)
    except Exception as error:  # noqa: BLE001 - a user that breaks down is an error of the run
        with stats.lock:
            stats.errors.append(f"user {number}: {type(error).__name__}: {error}")


def page_user(number, kind, base, deadline, stats, rng, session) -> None:
    """Readers of public pages, region team members (with uploads), the programme office (with status changes)."""
    if kind == TEAM:
        username = rng.choice(list(TEAMS))
        sign_in(session, base, username, stats)
    elif kind == OFFICE_PAGES:
        sign_in(session, base, "programmabureau", stats)
    while time.perf_counter() < deadline:
        if kind == ANONYMOUS:
            path = rng.choice(PUBLIC_PATHS)
        elif kind == TEAM:
            slug = TEAMS[username]
            path = rng.choice(["/portal/", "/portal/regions/", f"/portal/regions/{slug}/"])
            if rng.random() < 0.1:
                token = csrf(session, base, f"/portal/regions/{slug}/", stats)
                started = time.perf_counter()
                response = session.post(
                    f"{base}/portal/regions/{slug}/documents/",
                    data={"csrfmiddlewaretoken": token},
                    files={"file": (f"last-{number}.pdf", pdf(), "application/pdf")},
                    headers={"Referer": f"{base}/portal/regions/{slug}/"},
                    timeout=60,
                    allow_redirects=False,
                )
                stats.record("POST", "upload", response, started)
                if response.status_code == 302:
                    with stats.lock:
                        stats.uploads_ok += 1
                continue
        else:
            path = rng.choice(["/portal/", "/portal/regions/", "/portal/audit/", "/portal/regions/foodvalley/"])
            if rng.random() < 0.1:
                token = csrf(session, base, "/portal/regions/foodvalley/manage/", stats)
                started = time.perf_counter()
                response = session.post(
                    f"{base}/portal/regions/foodvalley/manage/",
                    data={
                        "csrfmiddlewaretoken": token,
                        "action": "status",
                        "status-status": rng.choice(["active", "alumni"]),
                    },
                    headers={"Referer": f"{base}/portal/regions/foodvalley/manage/"},
                    timeout=60,
                    allow_redirects=False,
                )
                stats.record("POST", "status", response, started)
                if response.status_code == 302:
                    with stats.lock:
                        stats.status_changes_ok += 1
                continue
        started = time.perf_counter()
        response = session.get(base + path, timeout=60)
        stats.record("GET", path, response, started)


# --- The enrolment workflow ------------------------------------------------------------------------------
class Workflow:
    """What the workflow users need to know: the form values and the Dutch messages that tell a
    person whether their step was done or someone else was first."""

    def __init__(self, *, applications_per_applicant: int):
        from django.utils import translation
        from django.utils.html import escape
        from django.utils.translation import gettext

        from learning.models import Advice
        from regions.models import Municipality, Organisation, Samenwerkingsverband

        self.applications_per_applicant = applications_per_applicant
        self.vng = Organisation.objects.get(slug="vng").pk
        self.po_raad = Organisation.objects.get(slug="po-raad").pk
        municipality = Municipality.objects.order_by("pk").first().pk
        swv = Samenwerkingsverband.objects.order_by("pk").first()
        self.form = {
            "municipalities": [municipality],
            "samenwerkingsverbanden": [swv.pk] if swv else [],
            "partners": "Onderwijsgroep Loadtest\\nJeugdhulp Loadtest",
            "development_question": "Hoe werken school en jeugdhulp samen rond elk kind?",
            "public_summary": "Een regio die onderwijs en jeugdhulp samen organiseert.",
            "advices": list(Advice.objects.filter(is_core=True).values_list("pk", flat=True)),
            "ambition": "Eén team rond elk kind.",
            "activities": "Werkateliers en een ondersteuningsteam per school.",
            "verbinder_1_name": "Anna Verbinder",
            "verbinder_2_name": "",
            "verbinder_2_email": "",
        }
        with translation.override("nl"):
            self.submitted = escape(gettext("Your application was submitted. The programme office will do the intake."))
            self.already_submitted = escape(gettext("This application was already submitted."))
            self.resubmitted_already = escape(gettext("This application was already resubmitted."))
            self.taken = escape(gettext("This task was already taken or completed by someone else."))
            self.completed = {
                "intake": escape(gettext("The intake was recorded.")),
                "review": escape(gettext("Your review was recorded. Thank you.")),
                "decide": escape(gettext("The decision was recorded and the region was informed.")),
            }


def post(session, base, path, data, stats, *, workflow=True, expected=()):
    """POST a form (CSRF token taken from the cookie) without following the redirect."""
    started = time.perf_counter()
    response = session.post(
        base + path,
        data={**data, "csrfmiddlewaretoken": session.cookies.get("csrftoken", "")},
        headers={"Referer": base + path},
        timeout=60,
        allow_redirects=False,
    )
    stats.record("POST", path, response, started, workflow=workflow, expected=expected)
    return response


def get(session, base, path, stats):
    started = time.perf_counter()
    response = session.get(base + path, timeout=60)
    stats.record("GET", path, response, started)
    return response


def follow(session, base, response, stats) -> str:
    """The page a redirect leads to (with the message the step left), or '' for no redirect."""
    if response.status_code != 302:
        return ""
    location = response.headers["Location"]
    path = location[len(base) :] if location.startswith(base) else location
    return get(session, base, path, stats).text


def twice_at_once(session, call):
    """Run ``call(session)`` twice at the same moment on two copies of the signed-in session (a
    double click: two requests in flight, each with its own cookies for the message)."""
    copies = []
    for _ in range(2):
        copy = requests.Session()
        copy.cookies.update(session.cookies)
        copies.append(copy)
    results = [None, None]
    barrier = threading.Barrier(2)

    def run(index):
        barrier.wait()
        results[index] = call(copies[index])

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def task_links(session, base, stats, node_names) -> list[str]:
    page = get(session, base, "/portal/enrolment/", stats)
    return [path for path, node in TASK_LINK.findall(page.text) if node in node_names]


def submit_application(session, base, path, data, stats, wf, rng, kind) -> None:
    """Submit the form at ``path`` (a draft or a revision), sometimes twice at once."""

    def once(s, expected=()):
        response = post(s, base, path, {**data, "action": "submit"}, stats, expected=expected)
        page = follow(s, base, response, stats)
        return wf.submitted in page, response.status_code

    if rng.random() < 0.25:
        # The later of two submits finds the application no longer editable: depending on when it
        # arrives it answers 404 (the edit page is gone), 400 ("this application cannot be changed
        # now") or a redirect ("already submitted").
        results = twice_at_once(session, lambda s: once(s, expected=(400, 404)))
        with stats.lock:
            stats.double_posts += 1
            stats.double_posts_both_done += all(done for done, _ in results)
            stats.second_submit.update(status for done, status in results if not done)
    else:
        results = [once(session)]
    for done, status in results:
        if done:
            stats.count("done", kind)
        elif status in (302, 400, 404):
            stats.count("refused", kind)


def applicant_user(number, base, deadline, stats, wf, rng, session) -> None:
    email = f"lt-aanvrager-{number}@example.org"
    started_applications = 0
    while time.perf_counter() < deadline:
        revisions = task_links(session, base, stats, {"revise"}) if started_applications else []
        if revisions:
            path = revisions[0]
            data = {**wf.form, "region_name": "", "verbinder_1_email": email}
            # The revision form needs the region's current name: read it from the form.
            page = get(session, base, path, stats).text
            match = re.search(r'name="region_name"[^>]*value="([^"]*)"', page)
            data["region_name"] = match.group(1) if match else ""
            data["ambition"] = "Eén team rond elk kind, gemeten per kwartaal."
            submit_application(session, base, path, data, stats, wf, rng, "resubmit")
            continue
        if started_applications >= wf.applications_per_applicant:
            get(session, base, rng.choice(["/portal/enrolment/", "/portal/enrolment/applications/", "/portal/"]), stats)
            time.sleep(0.2)
            continue
        started_applications += 1
        name = f"Loadtest {number}-{started_applications} {rng.randrange(10**6)}"
        get(session, base, "/portal/enrolment/applications/new/", stats)
        response = post(session, base, "/portal/enrolment/applications/new/", {"region_name": name}, stats)
        if response.status_code != 302:
            continue
        stats.count("done", "start")
        edit = response.headers["Location"].replace(base, "")
        get(session, base, edit, stats)
        data = {**wf.form, "region_name": name, "verbinder_1_email": email}
        submit_application(session, base, edit, data, stats, wf, rng, "submit")


def complete_task(session, base, path, data, stats, wf, rng) -> None:
    """Complete a claimed task, sometimes posting the form twice at once."""
    node = path.split("/")[-3]

    def once(s):
        response = post(s, base, path, data, stats)
        page = follow(s, base, response, stats)
        return wf.completed[node] in page, wf.taken in page

    results = twice_at_once(session, once) if rng.random() < 0.25 else [once(session)]
    if len(results) == 2:
        with stats.lock:
            stats.double_posts += 1
            stats.double_posts_both_done += all(done for done, _ in results)
    for done, taken in results:
        if done:
            stats.count("done", node)
        elif taken:
            stats.count("refused", node)


def claim(session, base, path, stats) -> bool:
    """Take a task: True when this person got it (the page reloads), False when someone was first."""
    response = post(session, base, path, {"action": "claim"}, stats)
    if response.status_code != 302:
        return False
    got_it = response.headers["Location"].endswith(path)
    stats.count("done" if got_it else "refused", "claim")
    follow(session, base, response, stats)
    return got_it


def office_workflow_user(number, base, deadline, stats, wf, rng, session) -> None:
    while time.perf_counter() < deadline:
        tasks = task_links(session, base, stats, {"intake", "decide"})
        if not tasks:
            time.sleep(0.3)
            continue
        # Everyone goes for the oldest task first: the office people race for it.
        path = tasks[0]
        get(session, base, path, stats)
        if not claim(session, base, path, stats):
            continue
        if "/intake/" in path:
            if rng.random() < 0.15:
                data = {"outcome": "incomplete", "motivation": "Vul de samenwerkingsverbanden aan."}
            else:
                organisations = [wf.vng, wf.po_raad] if rng.random() < 0.7 else [wf.vng]
                data = {"outcome": "complete", "organisations": organisations, "connector": wf.vng}
        else:
            outcome = rng.choices(["accept", "changes", "reject"], weights=[60, 25, 15])[0]
            data = {"outcome": outcome, "motivation": "" if outcome == "accept" else "Besloten onder belasting."}
        complete_task(session, base, path, data, stats, wf, rng)


def reviewer_user(number, base, deadline, stats, wf, rng, session) -> None:
    while time.perf_counter() < deadline:
        tasks = task_links(session, base, stats, {"review"})
        if not tasks:
            time.sleep(0.3)
            continue
        path = tasks[0]  # the same oldest task as colleagues of the same organisation
        get(session, base, path, stats)
        if not claim(session, base, path, stats):
            continue
        recommendation = rng.choice(["accept", "accept_conditions", "reject"])
        complete_task(
            session, base, path, {"recommendation": recommendation, "motivation": "Onder belasting."}, stats, wf, rng
        )


WORKFLOW_USERS = {
    APPLICANT: ("lt-aanvrager", applicant_user),
    OFFICE_WORKFLOW: ("lt-bureau", office_workflow_user),
    REVIEWER_VNG: ("lt-vng", reviewer_user),
    REVIEWER_PORAAD: ("lt-poraad", reviewer_user),
}


def workflow_accounts(users: int) -> None:
    """Accounts for the workflow users (same demo password): applicants, programme office people,
    and reviewers of VNG and PO-Raad (several per organisation, so they compete for the same task)."""
    from regions import services
    from regions.models import Organisation, User
    from regions.roles import Role

    password = User.objects.get(username="programmabureau").password
    organisation = {"lt-bureau": "programmabureau", "lt-vng": "vng", "lt-poraad": "po-raad"}
    roles = {
        "lt-bureau": Role.PROGRAMME_OFFICE,
        "lt-vng": Role.COALITION_REVIEWER,
        "lt-poraad": Role.COALITION_REVIEWER,
    }
    for number in range(users):
        kind = KINDS[number % len(KINDS)]
        if kind not in WORKFLOW_USERS:
            continue
        prefix = WORKFLOW_USERS[kind][0]
        username = f"{prefix}-{number}"
        user, _ = User.objects.get_or_create(
            username=username,
            defaults={"email": f"{username}@example.org", "first_name": "Last", "last_name": f"Test {number}"},
        )
        user.password = password
        user.save()
        if prefix in organisation:
            services.user_set_organisation(user=user, organisation=Organisation.objects.get(slug=organisation[prefix]))
            services.user_set_roles(user=user, roles={roles[prefix]})


# --- Checking the database afterwards --------------------------------------------------------------------
HUMAN_NODES = ("intake", "review", "decide", "revise")
DECISIONS = ("accepted", "rejected", "changes_requested")


def check_processes() -> tuple[int, list[str]]:
    """Every enrolment process has exactly the tasks, events, reviews and versions its path implies.
    Returns the number of transitions checked (completed human tasks plus starts) and the problems."""
    from collections import defaultdict

    from viewflow.workflow.models import Task
    from viewflow.workflow.status import PROCESS, STATUS

    from workflows.enrolment.models import ApplicationEvent, EnrolmentApplication, Review

    problems: list[str] = []
    checked = 0
    applications = {
        a.process_id: a for a in EnrolmentApplication.objects.exclude(process=None).select_related("process")
    }
    tasks = defaultdict(lambda: defaultdict(list))
    for task in Task.objects.filter(process_id__in=applications).order_by("pk"):
        name = task.flow_task.name if task.flow_task is not None else ""
        if name in HUMAN_NODES:
            tasks[task.process_id][name].append(task)
    events = defaultdict(list)
    for event in ApplicationEvent.objects.filter(application__process__isnull=False).order_by("pk"):
        events[event.application_id].append(event)
    reviews = defaultdict(list)
    for review in Review.objects.order_by("pk"):
        reviews[review.application_id].append(review)
    versions = dict(
        EnrolmentApplication.objects.exclude(process=None).annotate(n=models_count("versions")).values_list("pk", "n")
    )

    for process_id, application in applications.items():
        label = f"application {application.pk} ({application.region_id})"
        mine = tasks[process_id]
        done = {name: [t for t in mine[name] if t.status == STATUS.DONE] for name in HUMAN_NODES}
        open_ = {name: [t for t in mine[name] if t.status in (STATUS.NEW, STATUS.ASSIGNED)] for name in HUMAN_NODES}
        for name in HUMAN_NODES:
            for task in mine[name]:
                if task.status not in (STATUS.NEW, STATUS.ASSIGNED, STATUS.DONE):
                    problems.append(f"{label}: {name} task {task.pk} left in status {task.status}")
        kinds = Counter(e.kind for e in events[application.pk])
        rounds = application.round
        if versions.get(application.pk) != rounds or kinds["submitted"] != 1 or kinds["resubmitted"] != rounds - 1:
            problems.append(f"{label}: round {rounds}, {versions.get(application.pk)} versions, events {dict(kinds)}")
        by_round = defaultdict(list)
        for event in events[application.pk]:
            by_round[event.round].append(event.kind)
        returned = 0
        expected_decide = 0
        for number in range(1, rounds + 1):
            round_kinds = Counter(by_round[number])
            intake = round_kinds["intake_complete"] + round_kinds["intake_incomplete"]
            decided = sum(round_kinds[k] for k in DECISIONS)
            assigned = [r for r in reviews[application.pk] if r.round == number]
            given = [r for r in assigned if r.submitted_at is not None]
            if intake > 1 or decided > 1 or round_kinds["reviewed"] != len(given):
                problems.append(f"{label}: round {number} has events {dict(round_kinds)} for {len(given)} reviews")
            if round_kinds["intake_complete"] and not 1 <= len(assigned) <= 3:
                problems.append(f"{label}: round {number} has {len(assigned)} assigned reviews")
            if not round_kinds["intake_complete"] and assigned:
                problems.append(f"{label}: round {number} has reviews without a complete intake")
            if decided and len(given) != len(assigned):
                problems.append(f"{label}: round {number} decided before all reviews were in")
            if round_kinds["intake_complete"] and assigned and len(given) == len(assigned):
                expected_decide += 1
            returned += round_kinds["intake_incomplete"] + round_kinds["changes_requested"]
            if number < rounds and not (round_kinds["intake_incomplete"] or round_kinds["changes_requested"]):
                problems.append(f"{label}: round {number} was followed by another without being returned")
        all_reviews = reviews[application.pk]
        expectations = {
            "intake tasks": (len(mine["intake"]), rounds),
            "intakes done": (len(done["intake"]), kinds["intake_complete"] + kinds["intake_incomplete"]),
            "review tasks": (len(mine["review"]), len(all_reviews)),
            "reviews linked": (len({r.task_id for r in all_reviews if r.task_id}), len(all_reviews)),
            "reviews done": (len(done["review"]), kinds["reviewed"]),
            "decide tasks": (len(mine["decide"]), expected_decide),
            "decisions done": (len(done["decide"]), sum(kinds[k] for k in DECISIONS)),
            "revise tasks": (len(mine["revise"]), returned),
            "revisions done": (len(done["revise"]), kinds["resubmitted"]),
        }
        for what, (found, expected) in expectations.items():
            if found != expected:
                problems.append(f"{label}: {found} {what}, expected {expected}")
        for review in all_reviews:
            task = next((t for t in mine["review"] if t.pk == review.task_id), None)
            if task is not None and (task.status == STATUS.DONE) != (review.submitted_at is not None):
                problems.append(f"{label}: review {review.pk} and its task {task.pk} disagree")
        # What is still open must be exactly what the last round waits for.
        last = Counter(by_round[rounds])
        assigned = [r for r in all_reviews if r.round == rounds]
        given = [r for r in assigned if r.submitted_at is not None]
        if last["accepted"] or last["rejected"]:
            state, waiting = ("accepted" if last["accepted"] else "rejected"), {}
        elif last["changes_requested"] or last["intake_incomplete"]:
            state, waiting = "changes_requested", {"revise": 1}
        elif last["intake_complete"] and len(given) < len(assigned):
            state, waiting = "in_review", {"review": len(assigned) - len(given)}
        elif last["intake_complete"]:
            state, waiting = "awaiting_decision", {"decide": 1}
        else:
            state, waiting = "submitted", {"intake": 1}
        actual = {name: len(ts) for name, ts in open_.items() if ts}
        if application.status != state or actual != waiting:
            problems.append(f"{label}: status {application.status}, open {actual}; its path implies {state}, {waiting}")
        finished = application.process.status == PROCESS.DONE
        if finished != (state in ("accepted", "rejected")):
            problems.append(f"{label}: process status {application.process.status} with application {state}")
        checked += 1 + sum(len(ts) for ts in done.values())
    return checked, problems


def models_count(field):
    from django.db.models import Count

    return Count(field, distinct=True)


def check_told(stats: Stats, since) -> list[str]:
    """Every step a user was told was done is in the database, and nothing more (since ``since``)."""
    from viewflow.workflow.models import Task

    from workflows.enrolment.flows import EnrolmentFlow
    from workflows.enrolment.models import ApplicationEvent, EnrolmentApplication

    recent = ApplicationEvent.objects.filter(created_at__gte=since)
    found = {
        "start": EnrolmentApplication.objects.filter(created_at__gte=since).count(),
        "submit": recent.filter(kind="submitted").count(),
        "resubmit": recent.filter(kind="resubmitted").count(),
        "claim": Task.objects.filter(
            assigned__gte=since, flow_task__in=[EnrolmentFlow.intake, EnrolmentFlow.review, EnrolmentFlow.decide]
        ).count(),
        "intake": recent.filter(kind__in=["intake_complete", "intake_incomplete"]).count(),
        "review": recent.filter(kind="reviewed").count(),
        "decide": recent.filter(kind__in=DECISIONS).count(),
    }
    return [
        f"{kind}: users were told {stats.done[kind]} done, the database has {count}"
        for kind, count in found.items()
        if count != stats.done[kind]
    ]


def check_mail(since) -> tuple[int, list[str]]:
    """Every step that notifies queued its message once, and the worker sent each exactly once."""
    from django_tasks_db.models import DBTaskResult
    from viewflow.workflow.models import Task

    from workflows.enrolment.flows import EnrolmentFlow
    from workflows.enrolment.models import ApplicationEvent

    results = list(DBTaskResult.objects.filter(backend_name="email", enqueued_at__gte=since))
    human = [EnrolmentFlow.intake, EnrolmentFlow.review, EnrolmentFlow.decide, EnrolmentFlow.revise]
    expected = (
        Task.objects.filter(created__gte=since, flow_task__in=human).count()
        + ApplicationEvent.objects.filter(created_at__gte=since, kind__in=["accepted", "rejected"]).count()
    )
    problems = []
    if len(results) != expected:
        problems.append(f"e-mail: {len(results)} queued, the steps imply {expected}")
    unsent = [r for r in results if r.status != "SUCCESSFUL"]
    if unsent:
        problems.append(f"e-mail: {len(unsent)} not sent ({Counter(r.status for r in unsent)})")
    twice = [r for r in results if len(r.worker_ids) != 1]
    if twice:
        problems.append(f"e-mail: {len(twice)} messages claimed by more than one worker run")
    return len(results), problems


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--applications-per-applicant", type=int, default=4)
    options = parser.parse_args()
    options.users = max(1, min(options.users, 200))  # bounded
    options.seconds = max(5, min(options.seconds, 300))

    database = ROOT / "var" / "loadtest.sqlite3"
    database.parent.mkdir(exist_ok=True)
    if not options.database_url and database.exists():
        database.unlink()
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DEBUG="false",
        TWO_FACTOR_REQUIRED="false",
        DATABASE_URL=options.database_url or f"sqlite:///{database}",
        PRIVATE_MEDIA_ROOT=str(ROOT / "var" / "loadtest-private"),
        AXES_FAILURE_LIMIT="1000",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",  # the worker "sends" into memory
    )
    print("Preparing database and demo data...", flush=True)
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo_data")
    manage(env, "collectstatic", "--noinput")

    os.environ.update(env)
    import django

    django.setup()
    from django.db import connections
    from django.utils import timezone
    from wagtail.models import ModelLogEntry

    from regions.models import Region, RegionDocument

    documents_before = RegionDocument.objects.count()
    status_logs_before = ModelLogEntry.objects.filter(
        action="regions.status", object_id=str(Region.objects.get(slug="foodvalley").pk)
    ).count()
    workflow_accounts(options.users)
    wf = Workflow(applications_per_applicant=options.applications_per_applicant)
    since = timezone.now()
    connections.close_all()
    worker_command = [sys.executable, "manage.py", "db_worker", "--backend", "email", "--no-reload", "-v", "0"]
    worker = subprocess.Popen([*worker_command, "--interval", "0.5"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(options.workers),
            "--threads",
            "4",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings.dev"},
    )
    try:
        for _ in range(100):
            try:
                if requests.get(base + "/healthz/", timeout=5).status_code == 200:
                    break
            except requests.RequestException:
                pass
            time.sleep(0.3)
        load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
        print(
            f"Running {options.users} users for {options.seconds}s against {base} (load average {load}) ...", flush=True
        )
        stats = Stats()
        deadline = time.perf_counter() + options.seconds
        ramp_up = min(10.0, options.seconds / 6)
        threads = [
            threading.Thread(target=virtual_user, args=(n, base, deadline, stats, wf, ramp_up * n / options.users))
            for n in range(options.users)
        ]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
        worker.terminate()  # graceful: it finishes the message in hand
        worker.wait(timeout=60)
    # What the stopped worker had not sent yet waits in the queue: a batch run delivers it.
    subprocess.run(
        [*worker_command, "--batch", "--no-startup-delay"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )

    documents = RegionDocument.objects.count() - documents_before
    status_logs = (
        ModelLogEntry.objects.filter(
            action="regions.status", object_id=str(Region.objects.get(slug="foodvalley").pk)
        ).count()
        - status_logs_before
    )
    latencies = sorted(stats.latencies)
    total = len(latencies)
    print(f"requests: {total} in {elapsed:.1f}s = {total / elapsed:.1f}/s; statuses: {dict(stats.statuses)}")
    if total:

        def percentile(share):
            return latencies[max(0, int(total * share) - 1)] * 1000

        print(
            f"latency ms: median {statistics.median(latencies) * 1000:.0f}, p95 {percentile(0.95):.0f}, "
            f"p99 {percentile(0.99):.0f}, max {latencies[-1] * 1000:.0f}"
        )
    print(f"uploads: {stats.uploads_ok} answered OK, {documents} stored")
    print(
        f"status changes: {stats.status_changes_ok} answered OK, {status_logs} logged "
        "(a repeat of the same status logs nothing)"
    )
    workflow = sorted(stats.workflow_latencies)
    if workflow:
        print(
            f"workflow posts: {len(workflow)}, latency ms: median {statistics.median(workflow) * 1000:.0f}, "
            f"p95 {workflow[max(0, int(len(workflow) * 0.95) - 1)] * 1000:.0f}"
        )
    slowest = sorted(stats.by_path.items(), key=lambda item: -statistics.median(item[1]))[:6]
    print(
        "slowest pages (median ms, count): "
        + "; ".join(f"{path} {statistics.median(times) * 1000:.0f} ({len(times)})" for path, times in slowest)
    )
    print(f"workflow steps done (as users were told): {dict(stats.done)}")
    print(f"refused because someone else was first: {dict(stats.refused)}")
    print(
        f"forms posted twice at once: {stats.double_posts}, both done: {stats.double_posts_both_done}; "
        f"the later of two submits answered {dict(stats.second_submit)}"
    )
    transitions, process_problems = check_processes()
    told_problems = check_told(stats, since)
    mails, mail_problems = check_mail(since)
    print(
        f"processes checked: {transitions} transitions consistent with their paths; "
        f"{mails} e-mails queued by the steps, each sent once"
        if not (process_problems or told_problems or mail_problems)
        else f"processes checked: {transitions} transitions, {mails} e-mails"
    )
    problems = list(stats.errors[:20])
    problems += process_problems[:20] + told_problems + mail_problems
    if stats.double_posts_both_done:
        problems.append(f"{stats.double_posts_both_done} forms posted twice were done twice")
    if documents != stats.uploads_ok:
        problems.append(f"uploads lost or duplicated: {stats.uploads_ok} OK vs {documents} stored")
    if status_logs > stats.status_changes_ok:
        problems.append("more status changes logged than made")
    if problems:
        print("FAILED:\n  " + "\n  ".join(problems))
        return 1
    print("OK: zero errors, no lost or duplicated writes or transitions.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
