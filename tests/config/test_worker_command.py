"""The documented ways to run the e-mail worker exist and work: `make worker` runs
`manage.py db_worker --backend email`, the README says so, and the command accepts that backend
(a database queue) while refusing one that is not."""

import re
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
COMMAND = "manage.py db_worker --backend email"


def manage(*args):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )


def test_make_worker_runs_the_documented_command():
    dry_run = subprocess.run(
        # --no-print-directory: under `make test` this make is nested and would add directory lines.
        ["make", "--no-print-directory", "-n", "worker"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert dry_run.returncode == 0, dry_run.stderr
    assert dry_run.stdout.strip().endswith(COMMAND)
    readme = (ROOT / "README.md").read_text()
    assert "## Background worker" in readme
    assert re.search(r"db_worker --backend email\b", readme)


def test_the_worker_command_knows_the_email_backend():
    result = manage("db_worker", "--backend", "email", "--help")
    assert result.returncode == 0, result.stderr
    assert "--batch" in result.stdout and "--backend" in result.stdout
    assert settings.TASKS["email"]["BACKEND"] == "django_tasks_db.DatabaseBackend"

    refused = manage("db_worker", "--backend", "default", "--batch")
    assert refused.returncode != 0
    assert "is not a database backend" in refused.stderr
