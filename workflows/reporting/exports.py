"""The export of progress reports (registered with learning.exports at start-up)."""

from __future__ import annotations

import json

from django.db.models import JSONField, OuterRef, Subquery
from django.utils.translation import gettext as _

from workflows.reporting import access
from workflows.reporting.models import ProgressReportVersion


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
