"""CSV and XLSX exports, scoped to what a user may see: checklist states and indicators here; other
packages add theirs at start-up (``register``: the reporting flow adds its reports)."""

from __future__ import annotations

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from learning.models import ChecklistStatus, IndicatorValue, RegionChecklistItem
from regions import access

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _safe(value):
    """Spreadsheet programs run cells that start with = + - @ as formulas: neutralise them."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


# name -> rows(user) returning (header, rows); rows may be a generator (the file is built as it is read).
EXPORTS: dict = {}


def register(name: str, rows) -> None:
    """Offer ``rows(user)`` as the export ``name`` (at /portal/exports/<name>.csv and .xlsx)."""
    EXPORTS[name] = rows


def checklist_rows(user):
    regions = access.regions_for(user, access.REGION_VIEW).values("pk")
    # Plain value tuples, not model instances: the export of every region stays a few seconds at most.
    states = (
        RegionChecklistItem.objects.filter(region__in=regions)
        .order_by("region__name", "item__advice__number", "item__position")
        .values_list(
            "region__name",
            "item__advice__number",
            "item__title",
            "status",
            "explanation",
            "evidence_url",
            "updated_at",
            "updated_by__first_name",
            "updated_by__last_name",
            "updated_by__username",
        )
    )
    header = [
        _("Region"),
        _("Advice"),
        _("Step"),
        _("Status"),
        _("Explanation"),
        _("Evidence (link)"),
        _("Changed"),
        _("Changed by"),
    ]
    labels = {value: str(label) for value, label in ChecklistStatus.choices}
    rows = (
        [
            region,
            advice,
            title,
            labels.get(status, status),
            explanation,
            evidence_url,
            timezone.localtime(updated_at).strftime("%Y-%m-%d %H:%M"),
            f"{first} {last}".strip() or (username or ""),
        ]
        for region, advice, title, status, explanation, evidence_url, updated_at, first, last, username in (
            states.iterator(chunk_size=5000)
        )
    )
    return header, rows


def indicator_rows(user):
    regions = access.regions_for(user, access.REGION_VIEW).values("pk")
    values = (
        IndicatorValue.objects.filter(region__in=regions)
        .order_by("region__name", "school_type", "year")
        .values_list("region__name", "school_type", "year", "value", "source")
    )
    national = dict(
        ((school_type, year), value)
        for school_type, year, value in IndicatorValue.objects.filter(region__isnull=True).values_list(
            "school_type", "year", "value"
        )
    )
    header = [_("Region"), _("School type"), _("Year"), _("Youth care use (%)"), _("National (%)"), _("Source")]
    rows = (
        [
            region,
            school_type,
            year,
            float(value),
            float(national[(school_type, year)]) if (school_type, year) in national else None,
            source,
        ]
        for region, school_type, year, value, source in values.iterator(chunk_size=5000)
    )
    return header, rows


def to_csv(header, rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_safe(cell) for cell in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # BOM: Excel opens UTF-8 correctly


def to_xlsx(header, rows, title: str) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append(header)
    for row in rows:
        sheet.append([_safe(cell) for cell in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


register("checklists", checklist_rows)
register("indicators", indicator_rows)
