"""Loads the reference lists in regions/data/ (see SOURCES.md there). Idempotent."""

import csv
from pathlib import Path

from django.db import transaction

from regions.models import Municipality, Organisation, Samenwerkingsverband
from regions.services import organisation_group_ensure

DATA_DIR = Path(__file__).resolve().parent / "data"


def _rows(filename: str):
    with open(DATA_DIR / filename, encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


@transaction.atomic
def load_municipalities() -> int:
    count = 0
    for row in _rows("municipalities.csv"):
        Municipality.objects.update_or_create(
            cbs_code=row["cbs_code"], defaults={"name": row["name"], "province": row["province"]}
        )
        count += 1
    return count


@transaction.atomic
def load_samenwerkingsverbanden() -> int:
    count = 0
    for row in _rows("samenwerkingsverbanden.csv"):
        Samenwerkingsverband.objects.update_or_create(
            code=row["code"], defaults={"name": row["name"], "sector": row["sector"]}
        )
        count += 1
    return count


def swv_municipality_names() -> dict[str, list[str]]:
    """SWV code -> names of the municipalities in its area (as listed in the data file)."""
    return {
        row["code"]: [n for n in row["municipalities"].split(";") if n] for row in _rows("samenwerkingsverbanden.csv")
    }


@transaction.atomic
def load_national_organisations() -> int:
    count = 0
    for row in _rows("organisations.csv"):
        organisation, _created = Organisation.objects.update_or_create(
            slug=row["slug"],
            defaults={
                "name": row["name"],
                "short_name": row["short_name"],
                "kind": row["kind"],
                "sector": row["sector"],
                "website": row["website"],
            },
        )
        organisation_group_ensure(organisation)
        count += 1
    return count


def load_reference_data() -> dict[str, int]:
    return {
        "municipalities": load_municipalities(),
        "samenwerkingsverbanden": load_samenwerkingsverbanden(),
        "organisations": load_national_organisations(),
    }
