"""Speed of the public library of lessons at scale, measured (not asserted): time and query count of
the index page with no filter, with filters, with a search, and with both, for a growing number of
published lessons. Run it against a throwaway database (it is migrated and filled):

    .venv/bin/python scripts/lessons_benchmark.py --database-url postgres://USER@HOST/ozj_bench --sizes 1000,10000
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WORDS = ("samenwerkingsverband", "wijkteam", "thuiszitters", "jeugdhulp", "school", "ouders", "gemeente")
WORDS += ("leerplicht", "overstap", "mbo", "kinderopvang", "monitor", "budget", "vervoer", "dorpsschool")
WORDS += ("jongerenpanel", "mentor", "gezinsklas", "jobcoach", "ggz")
SCENARIOS = [
    ("no filter", {}),
    ("filters", {"advice": "1", "life_domain": "school", "school_type": "po"}),
    ("search (Dutch plural)", {"q": "samenwerkingsverbanden"}),
    ("search, two words", {"q": "jeugdhulp wijkteam"}),
    ("search + filters + relevance", {"q": "jeugdhulp", "life_domain": "school", "year": "2021", "sort": "relevance"}),
    ("page 40", {"page": "40"}),
]


def grow_to(size: int) -> None:
    from learning.library.models import LessonPage
    from learning.library.services import library_index
    from learning.models import Advice, LessonTheme
    from regions.models import Region

    index = library_index()
    regions = list(Region.objects.all()) or [Region.objects.create(name="Benchmarkregio", slug="benchmarkregio")]
    advices = list(Advice.objects.order_by("number"))
    theme, _created = LessonTheme.objects.get_or_create(slug="thuiszitters", defaults={"name": "Thuiszitters"})
    have = LessonPage.objects.count()
    for number in range(have, size):
        words = [WORDS[(number * k) % len(WORDS)] for k in (1, 3, 7, 11)]
        page = LessonPage(
            title=f"Les {number}: {words[0]} en {words[1]}",
            slug=f"les-{number}",
            region=regions[number % len(regions)],
            summary=f"Over {' '.join(words)}.",
            situation=f"<p>{' '.join(words * 5)}</p>",
            life_domains=",school," if number % 2 else ",thuis,online,",
            school_types=",po," if number % 3 else ",vo,mbo,",
            lesson_date=datetime.date(2020 + number % 6, 1 + number % 12, 1),
        )
        page.advices = [advices[number % len(advices)], advices[(number + 3) % len(advices)]]
        page.themes = [theme] if number % 4 == 0 else []
        index.add_child(instance=page)


def measure(path: str, params: dict, repeat: int = 5) -> tuple[float, int, int]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="localhost")
    client.get(path, params)  # warm caches (site root paths, templates)
    times = []
    for _run in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(path, params)
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), len(queries), response.context["page_obj"].paginator.count


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--sizes", default="1000,10000")
    args = parser.parse_args(argv)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev", "DATABASE_URL": args.database_url}
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput"], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    os.environ.update({"DJANGO_SETTINGS_MODULE": "config.settings.dev", "DATABASE_URL": args.database_url})
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.test.utils import setup_test_environment

    setup_test_environment()  # the test client then sees the template context (result counts)

    settings.ALLOWED_HOSTS = ["localhost"]
    settings.DEBUG = False
    from learning.library.models import LessonIndexPage

    print(f"{'lessons':>8}  {'scenario':<30} {'ms (median of 5)':>16} {'queries':>8} {'results':>8}")
    for size in (int(s) for s in args.sizes.split(",")):
        started = time.perf_counter()
        grow_to(size)
        print(f"# filled to {size} lessons in {time.perf_counter() - started:.0f} s")
        path = LessonIndexPage.objects.first().url
        for name, params in SCENARIOS:
            ms, queries, results = measure(path, params)
            print(f"{size:>8}  {name:<30} {ms:>16.1f} {queries:>8} {results:>8}")


if __name__ == "__main__":
    main()
