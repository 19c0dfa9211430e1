"""Backup and restore of the database and uploaded files (see README, "Backup and restore").

A backup is a folder with the database (PostgreSQL custom-format dump, or a consistent copy of
the SQLite file), the public and private uploads as tar archives, and a manifest with row counts
that restore checks against.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

import dj_database_url
from django.apps import apps
from django.conf import settings
from django.db import connection
from django.utils import timezone

COUNTED_MODELS = [
    "regions.Region",
    "regions.Organisation",
    "regions.User",
    "regions.RegionMembership",
    "regions.RegionDocument",
    "wagtailcore.Page",
    "wagtailcore.ModelLogEntry",
]
FILE_ROOTS = {"media": "MEDIA_ROOT", "private": "PRIVATE_MEDIA_ROOT"}


class BackupError(Exception):
    pass


def row_counts() -> dict[str, int]:
    return {label: apps.get_model(label).objects.count() for label in COUNTED_MODELS}


def _pg_env(db: dict) -> dict:
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _pg_args(db: dict) -> list[str]:
    args = []
    if db.get("HOST"):
        args += ["-h", str(db["HOST"])]
    if db.get("PORT"):
        args += ["-p", str(db["PORT"])]
    if db.get("USER"):
        args += ["-U", str(db["USER"])]
    return args


def _run(command: list[str], env=None) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603 - fixed tools, no shell
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def backup(output: Path) -> Path:
    """Write a backup of the current database and uploads into ``output`` (created); returns it."""
    output.mkdir(parents=True, exist_ok=False)
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        dump = output / "database.dump"
        _run(["pg_dump", "-Fc", "--no-owner", "-f", str(dump), *_pg_args(db), db["NAME"]], env=_pg_env(db))
    elif connection.vendor == "sqlite":
        source = sqlite3.connect(str(db["NAME"]))
        target = sqlite3.connect(str(output / "database.sqlite3"))
        with target:
            source.backup(target)  # consistent even while the site is running
        source.close()
        target.close()
    else:
        raise BackupError(f"Unsupported database: {connection.vendor}")
    for name, setting in FILE_ROOTS.items():
        root = Path(getattr(settings, setting))
        with tarfile.open(output / f"{name}.tar.gz", "w:gz") as archive:
            if root.exists():
                archive.add(root, arcname=".")
    manifest = {"created": timezone.now().isoformat(), "engine": connection.vendor, "counts": row_counts()}
    (output / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return output


def restore(source: Path, *, database_url: str, media_root: Path, private_root: Path) -> dict:
    """Restore a backup folder into the database at ``database_url`` and the given file roots.

    The target database must exist and be empty (or hold an earlier copy: objects are replaced).
    Returns the manifest, whose counts the caller can compare with the restored database.
    """
    manifest = json.loads((source / "manifest.json").read_text())
    target = dj_database_url.parse(database_url)
    engine = target["ENGINE"].rsplit(".", 1)[-1]
    if manifest["engine"] == "postgresql":
        if "postgresql" not in engine:
            raise BackupError("A PostgreSQL backup can only be restored into PostgreSQL.")
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "-d",
                target["NAME"],
                *_pg_args(target),
                str(source / "database.dump"),
            ],
            env=_pg_env(target),
        )
    else:
        if engine != "sqlite3":
            raise BackupError("A SQLite backup can only be restored into SQLite.")
        shutil.copyfile(source / "database.sqlite3", target["NAME"])
    for name, root in (("media", media_root), ("private", private_root)):
        root.mkdir(parents=True, exist_ok=True)
        with tarfile.open(source / f"{name}.tar.gz", "r:gz") as archive:
            archive.extractall(root, filter="data")
    return manifest
