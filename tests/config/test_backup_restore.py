"""Backup and restore: a backup restored into an empty database has every row and every file."""

import os
import sqlite3
import uuid

import psycopg2
import pytest
from django.core.management import call_command
from django.db import connection

from regions import services
from regions.backup import COUNTED_MODELS, row_counts
from tests.files import pdf_bytes, upload

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TABLES = {
    "regions.Region": "regions_region",
    "regions.Organisation": "regions_organisation",
    "regions.User": "regions_user",
    "regions.RegionMembership": "regions_regionmembership",
    "regions.RegionDocument": "regions_regiondocument",
    "wagtailcore.Page": "wagtailcore_page",
    "wagtailcore.ModelLogEntry": "wagtailcore_modellogentry",
}


def _empty_target(tmp_path):
    """A fresh, empty database of the same engine as the test database, and a reader for it."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        path = tmp_path / "restored.sqlite3"

        def count(table):
            with sqlite3.connect(path) as conn:
                return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: S608

        return f"sqlite:///{path}", count, lambda: None
    name = f"ozj_restore_{uuid.uuid4().hex[:10]}"
    params = {"host": db["HOST"], "port": db["PORT"], "user": db["USER"], "password": db.get("PASSWORD") or None}
    admin = psycopg2.connect(dbname="postgres", **params)
    admin.autocommit = True
    admin.cursor().execute(f"CREATE DATABASE {name}")

    def count(table):
        with psycopg2.connect(dbname=name, **params) as conn, conn.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608
            return cursor.fetchone()[0]

    def drop():
        admin.cursor().execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.close()

    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{name}", count, drop


def test_backup_then_restore_into_an_empty_database_finds_everything(world, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    document = services.region_document_add(
        region=world.region_a, uploaded_file=upload("plan.pdf", pdf_bytes()), user=world["team_a"]
    )
    services.region_set_status(region=world.region_b, status="alumni", by=world["office"])
    expected = row_counts()
    assert expected["regions.RegionDocument"] == 1

    call_command("backup_data", output=str(tmp_path / "backup"), verbosity=0)
    target_url, count, drop = _empty_target(tmp_path)
    try:
        restored_media, restored_private = tmp_path / "restored-media", tmp_path / "restored-private"
        settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT = restored_media, restored_private
        call_command("restore_data", str(tmp_path / "backup"), database_url=target_url, verbosity=0)
        for label in COUNTED_MODELS:
            assert count(TABLES[label]) == expected[label], label
        assert (restored_private / document.file.name).read_bytes() == pdf_bytes()
        assert os.path.exists(restored_private / document.file.name)
    finally:
        drop()


def test_restore_refuses_a_backup_of_another_engine(world, tmp_path):
    call_command("backup_data", output=str(tmp_path / "backup"), verbosity=0)
    other = "sqlite:///" + str(tmp_path / "x.sqlite3") if connection.vendor == "postgresql" else "postgres://u@h/db"
    from django.core.management import CommandError

    with pytest.raises(CommandError):
        call_command("restore_data", str(tmp_path / "backup"), database_url=other, verbosity=0)
