#!/usr/bin/env python
"""Bounded load test on 127.0.0.1: N virtual users for T seconds over public and signed-in pages,
with writes (document uploads by region teams, status changes by the programme office).

It builds its own database (SQLite in var/, or --database-url), loads the demo data, starts
gunicorn on a free local port, runs the users, stops everything and prints a report. It exits 1
on any error response or when a write was lost or duplicated.

    .venv/bin/python scripts/loadtest.py --users 50 --seconds 60
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

    def record(self, method, path, response, started):
        with self.lock:
            self.latencies.append(time.perf_counter() - started)
            self.statuses[response.status_code] += 1
            if response.status_code >= 400:
                self.errors.append(f"{method} {path} -> {response.status_code}")


def sign_in(session: requests.Session, base: str, username: str, stats: Stats) -> None:
    started = time.perf_counter()
    page = session.get(f"{base}/accounts/login/", timeout=30)
    stats.record("GET", "/accounts/login/", page, started)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    started = time.perf_counter()
    response = session.post(
        f"{base}/accounts/login/",
        data={"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token},
        headers={"Referer": f"{base}/accounts/login/"},
        timeout=30,
    )
    stats.record("POST", "/accounts/login/", response, started)


def csrf(session: requests.Session, base: str, path: str, stats: Stats) -> str:
    started = time.perf_counter()
    page = session.get(base + path, timeout=30)
    stats.record("GET", path, page, started)
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)


def virtual_user(number: int, base: str, deadline: float, stats: Stats) -> None:
    rng = random.Random(number)
    session = requests.Session()
    kind = number % 5  # 2 of 5 anonymous readers, 2 region team members, 1 programme office
    if kind in (2, 3):
        username = rng.choice(list(TEAMS))
        sign_in(session, base, username, stats)
    elif kind == 4:
        sign_in(session, base, "programmabureau", stats)
    while time.perf_counter() < deadline:
        if kind in (0, 1):
            path = rng.choice(PUBLIC_PATHS)
        elif kind in (2, 3):
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
                    timeout=30,
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
                    timeout=30,
                    allow_redirects=False,
                )
                stats.record("POST", "status", response, started)
                if response.status_code == 302:
                    with stats.lock:
                        stats.status_changes_ok += 1
                continue
        started = time.perf_counter()
        response = session.get(base + path, timeout=30)
        stats.record("GET", path, response, started)


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--database-url", default="")
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
    )
    print("Preparing database and demo data...", flush=True)
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo_data")
    manage(env, "collectstatic", "--noinput")

    os.environ.update(env)
    import django

    django.setup()
    from wagtail.models import ModelLogEntry

    from regions.models import Region, RegionDocument

    documents_before = RegionDocument.objects.count()
    status_logs_before = ModelLogEntry.objects.filter(
        action="regions.status", object_id=str(Region.objects.get(slug="foodvalley").pk)
    ).count()

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
        print(f"Running {options.users} users for {options.seconds}s against {base} ...", flush=True)
        stats = Stats()
        deadline = time.perf_counter() + options.seconds
        threads = [threading.Thread(target=virtual_user, args=(n, base, deadline, stats)) for n in range(options.users)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)

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
    problems = list(stats.errors[:20])
    if documents != stats.uploads_ok:
        problems.append(f"uploads lost or duplicated: {stats.uploads_ok} OK vs {documents} stored")
    if status_logs > stats.status_changes_ok:
        problems.append("more status changes logged than made")
    if problems:
        print("FAILED:\n  " + "\n  ".join(problems))
        return 1
    print("OK: zero errors, no lost or duplicated writes.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
