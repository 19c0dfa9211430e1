"""CSV and XLSX exports of checklist states and indicators, scoped to the regions a user may see."""

from __future__ import annotations

import csv
import io

from django.db.models import JSONField, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from learning.models import ChecklistStatus, IndicatorValue, ProgressReportVersion, RegionChecklistItem
from regions import access

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _safe(value):
    """Spreadsheet programs run cells that start with = + - @ as formulas: neutralise them."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


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


def report_rows(user):
    """One row per report and advice: the report's state and, from its latest submitted version,
    the checklist progress at submission and the narrative. Drafts never submitted (seen by their
    own team and the programme office only) appear with their state and no text. Two queries."""
    latest = ProgressReportVersion.objects.filter(report=OuterRef("pk")).order_by("-number").values("data")[:1]
    reports = (
        access.reports_for(user, access.REPORT_VIEW)
        .select_related("region", "round")
        .annotate(latest_data=Subquery(latest, output_field=JSONField()))
        .order_by("-round__period_start", "round__pk", "region__name")
    )
    header = [
        _("Region"),
        _("Reporting round"),
        _("State"),
        _("Version"),
        _("Submitted"),
        _("Advice"),
        _("Steps in place or embedded"),
        _("Steps"),
        _("What changed"),
        _("What helped"),
        _("What blocked"),
        _("Next steps"),
    ]

    def rows():
        for report in reports.iterator(chunk_size=500):
            data = report.latest_data or {}
            if isinstance(data, str):  # some database back ends hand the JSON back as text
                import json

                data = json.loads(data)
            snapshot = {a["id"]: a for a in data.get("snapshot", {}).get("advices", [])}
            narratives = data.get("narratives") or [{}]
            base = [
                report.region.name,
                report.round.name,
                report.get_state_display(),
                report.version,
                report.submitted_at.strftime("%Y-%m-%d") if report.submitted_at else "",
            ]
            for narrative in narratives:
                advice = snapshot.get(narrative.get("advice_id"), {})
                yield base + [
                    narrative.get("advice", ""),
                    advice.get("done", ""),
                    advice.get("total", ""),
                    narrative.get("changed", ""),
                    narrative.get("helped", ""),
                    narrative.get("blocked", ""),
                    data.get("next_steps", ""),
                ]

    return header, rows()


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
