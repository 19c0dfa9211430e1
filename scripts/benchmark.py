#!/usr/bin/env python
"""Speed and scale of the portal's lists, measured (not asserted): time and query count per page
for growing amounts of data.

Builds a throwaway database (SQLite in var/benchmark.sqlite3, or --database-url), fills it with
--sizes regions (each with a team member, a pairing and audit entries), and requests each page
through Django's test client as the role that sees the most. Prints a table.

    .venv/bin/python scripts/benchmark.py --sizes 100,1000,5000
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def prepare(database_url: str) -> None:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev", "DATABASE_URL": database_url}
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )
    subprocess.run(
        [sys.executable, "manage.py", "load_demo_data"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )


def grow_to(size: int) -> None:
    """Add regions (with a team member, a pairing with VNG and two audit entries) up to ``size``."""
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from wagtail.models import ModelLogEntry

    from regions.models import Organisation, Region, RegionGroupObjectPermission, RegionMembership, User

    existing = Region.objects.count()
    if existing >= size:
        return
    vng = Organisation.objects.get(slug="vng")
    pair = Permission.objects.get(codename="pair_region")
    region_type = ContentType.objects.get_for_model(Region)
    new = Region.objects.bulk_create(
        [
            Region(name=f"Benchmarkregio {n}", slug=f"benchmark-{n}", status="active", province="utrecht")
            for n in range(existing, size)
        ]
    )
    users = User.objects.bulk_create(
        [User(username=f"bench-{region.slug}", first_name="Bench", last_name=region.slug) for region in new]
    )
    RegionMembership.objects.bulk_create([RegionMembership(region=r, user=u) for r, u in zip(new, users, strict=True)])
    RegionGroupObjectPermission.objects.bulk_create(
        [RegionGroupObjectPermission(group_id=vng.group_id, permission=pair, content_object=r) for r in new]
    )
    _add_workspace_data(new)
    ModelLogEntry.objects.bulk_create(
        [
            ModelLogEntry(
                content_type=region_type,
                object_id=str(r.pk),
                label=r.name,
                action=action,
                data={},
                timestamp=timezone.now(),
            )
            for r in new
            for action in ("regions.pair", "regions.status")
        ]
    )


def _add_workspace_data(regions) -> None:
    """Each new region works on the core advices: a state for every checklist item and an indicator
    value per school type, so the exports have realistic volume."""
    from learning.models import ChecklistItem, IndicatorValue, RegionAdvice, RegionChecklistItem, SchoolType

    items = list(ChecklistItem.objects.filter(advice__is_core=True, is_active=True))
    advices = {item.advice_id for item in items}
    RegionAdvice.objects.bulk_create([RegionAdvice(region=r, advice_id=a) for r in regions for a in advices])
    RegionChecklistItem.objects.bulk_create(
        [
            RegionChecklistItem(region=r, item=i, status="started", explanation="Benchmark")
            for r in regions
            for i in items
        ]
    )
    IndicatorValue.objects.bulk_create(
        [
            IndicatorValue(region=r, school_type=t, year=2024, value=10, source="Benchmark")
            for r in regions
            for t in SchoolType.values
        ]
    )


def measure(client, url: str, repeat: int = 5) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm up
    times = []
    repeat = 2 if "/exports/" in url else repeat
    queries = 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as context:
            started = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(context.captured_queries)
    return statistics.median(times) * 1000, queries


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,5000")
    parser.add_argument("--database-url", default="")
    options = parser.parse_args()
    sizes = sorted(int(s) for s in options.sizes.split(","))

    database = ROOT / "var" / "benchmark.sqlite3"
    database.parent.mkdir(exist_ok=True)
    if not options.database_url and database.exists():
        database.unlink()
    database_url = options.database_url or f"sqlite:///{database}"
    prepare(database_url)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DATABASE_URL=database_url,
        DEBUG="false",
        ALLOWED_HOSTS="testserver,127.0.0.1",
        TWO_FACTOR_REQUIRED="false",
    )
    import django

    django.setup()
    from django.test import Client

    from regions.models import User

    office, reviewer = Client(), Client()
    office.force_login(
        User.objects.get(username="programmabureau"), backend="django.contrib.auth.backends.ModelBackend"
    )
    reviewer.force_login(
        User.objects.get(username="beoordelaar-vng"), backend="django.contrib.auth.backends.ModelBackend"
    )
    pages = [
        ("region list (office)", office, "/portal/regions/"),
        ("region list, search (office)", office, "/portal/regions/?q=regio&status=active"),
        ("region list, last page (office)", office, None),
        ("region detail (office)", office, "/portal/regions/twente/"),
        ("dashboard (reviewer)", reviewer, "/portal/"),
        ("region list (reviewer)", reviewer, "/portal/regions/"),
        ("audit log (office)", office, "/portal/audit/"),
        ("checklist export CSV (office)", office, "/portal/exports/checklists.csv"),
        ("checklist export XLSX (office)", office, "/portal/exports/checklists.xlsx"),
        ("indicator export CSV (reviewer)", reviewer, "/portal/exports/indicators.csv"),
    ]
    print(f"database: {database_url.split('@')[-1]}")
    print(f"{'page':34} " + " ".join(f"{size:>16}" for size in sizes))
    results: dict[str, list[str]] = {name: [] for name, _client, _url in pages}
    for size in sizes:
        grow_to(size)
        for name, client, url in pages:
            if url is None:
                url = f"/portal/regions/?page={max(1, (size + 24) // 25)}"
            ms, queries = measure(client, url)
            results[name].append(f"{ms:7.1f} ms {queries:3d} q")
    for name, cells in results.items():
        print(f"{name:34} " + " ".join(f"{cell:>16}" for cell in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
