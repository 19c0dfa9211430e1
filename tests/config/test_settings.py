"""Production settings refuse unsafe configuration and pass `check --deploy` without warnings."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "k3y-" + "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOP"


def run_manage(*args, **env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", DJANGO_SETTINGS_MODULE="config.settings.production", ALLOWED_HOSTS="ozj.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize("key", ["short", "demo-only-insecure-key-do-not-use-in-production", "a" * 60])
def test_production_refuses_weak_secret_keys(key):
    result = run_manage(
        "check", DJANGO_SETTINGS_MODULE="config.settings.production", SECRET_KEY=key, ALLOWED_HOSTS="ozj.example.org"
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_debug_and_missing_hosts():
    debug = run_manage(
        "check",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=GOOD_KEY,
        DEBUG="true",
        ALLOWED_HOSTS="ozj.example.org",
    )
    assert debug.returncode != 0 and "DEBUG must be false" in debug.stderr
    hosts = run_manage("check", DJANGO_SETTINGS_MODULE="config.settings.production", SECRET_KEY=GOOD_KEY)
    assert hosts.returncode != 0 and "ALLOWED_HOSTS" in hosts.stderr


def test_production_passes_check_deploy_with_zero_warnings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="ozj.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_invalid_boolean_is_reported_clearly():
    result = run_manage("check", DEBUG="perhaps")
    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr


def test_demo_settings_default_to_sqlite_and_debug():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DEBUG, settings.DATABASES['default']['ENGINE'])",
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DATABASE_URL="",
    )
    assert result.returncode == 0, result.stderr
    assert "True django.db.backends.sqlite3" in result.stdout
