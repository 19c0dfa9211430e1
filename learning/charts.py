"""Geometry for the server-rendered SVG charts (no JavaScript; readable without colour: every series
has its own pattern and every bar carries its number as text). Each chart sits next to a table
with the same numbers, the text alternative."""

from __future__ import annotations

from learning.models import ChecklistStatus

CHART_WIDTH = 600
BAR_HEIGHT = 28
ROW_GAP = 34
# status -> SVG fill (a pattern id defined in learning/includes/chart_patterns.svg.html)
STATUS_FILLS = {
    ChecklistStatus.NOT_STARTED: "url(#pattern-empty)",
    ChecklistStatus.STARTED: "url(#pattern-hatch)",
    ChecklistStatus.IN_PLACE: "url(#pattern-dots)",
    ChecklistStatus.EMBEDDED: "url(#pattern-solid)",
}


def checklist_progress_chart(checklists) -> dict:
    """One stacked bar per advice: the share of its steps in each status."""
    rows = []
    for index, checklist in enumerate(checklists):
        total = len(checklist.rows) or 1
        x = 0.0
        segments = []
        for status, label in ChecklistStatus.choices:
            count = checklist.progress[status]
            width = CHART_WIDTH * count / total
            if count:
                segments.append(
                    {
                        "x": round(x, 1),
                        "width": round(width, 1),
                        "fill": STATUS_FILLS[status],
                        "count": count,
                        "label": label,
                        "text_x": round(x + width / 2, 1),
                        "pill_x": round(x + width / 2 - 11, 1),
                    }
                )
            x += width
        y = index * (BAR_HEIGHT + ROW_GAP) + 20
        rows.append(
            {
                "title": f"{checklist.advice.number}. {checklist.advice.short_title}",
                "label_y": y - 6,
                "y": y,
                "text_y": y + BAR_HEIGHT / 2 + 5,
                "pill_y": y + BAR_HEIGHT / 2 - 8,
                "segments": segments,
            }
        )
    return {
        "width": CHART_WIDTH,
        "height": len(rows) * (BAR_HEIGHT + ROW_GAP) + 10,
        "bar_height": BAR_HEIGHT,
        "rows": rows,
        "legend": [(label, STATUS_FILLS[status]) for status, label in ChecklistStatus.choices],
    }


def indicator_chart(rows, year: int | None) -> dict | None:
    """Per school type two bars for ``year``: the region (solid) and the national figure (hatched)."""
    if year is None:
        return None
    values = [cell for row in rows for cell in row.values.get(year, (None, None)) if cell is not None]
    if not values:
        return None
    top = max(float(v) for v in values) or 1.0
    bars = []
    y = 10
    for row in rows:
        own, national = row.values.get(year, (None, None))
        if own is None and national is None:
            continue
        group = {"label": row.label, "label_y": y + 12, "bars": []}
        for kind, value, fill in (
            ("region", own, "url(#pattern-solid)"),
            ("national", national, "url(#pattern-hatch)"),
        ):
            bar_y = y + (18 if kind == "region" else 40)
            width = 0 if value is None else round(440 * float(value) / top, 1)
            group["bars"].append(
                {
                    "kind": kind,
                    "y": bar_y,
                    "width": width,
                    "fill": fill,
                    "value": value,
                    "text_x": width + 6,
                    "text_y": bar_y + 14,
                }
            )
        bars.append(group)
        y += 72
    return {"width": CHART_WIDTH, "height": y + 10, "groups": bars, "year": year}


def national_progress_chart(progress) -> dict:
    """One stacked bar per advice over all regions in scope (learning.selectors.national_progress);
    advices no region works on are left out."""

    class _Entry:
        def __init__(self, entry):
            self.advice = entry.advice
            self.progress = {status: entry.counts.get(status, 0) for status in ChecklistStatus.values}
            self.rows = range(entry.total)

    return checklist_progress_chart([_Entry(entry) for entry in progress if entry.total])


ROUND_FILLS = ["url(#pattern-hatch)", "url(#pattern-dots)", "url(#pattern-solid)", "url(#pattern-empty)"]
TREND_BAR = 20
TREND_LABEL_WIDTH = 150


def rounds_trend_chart(reports, trends) -> dict | None:
    """Per advice one bar per round: the share of its items in place or embedded at submission.
    Each bar carries its round's name and number as text, so colour is never needed."""
    if not reports or not trends:
        return None
    width = CHART_WIDTH - TREND_LABEL_WIDTH - 50
    groups = []
    y = 10
    for trend in trends:
        group = {"title": f"{trend.number}. {trend.short_title}", "label_y": y + 12, "bars": []}
        y += 20
        for index, report in enumerate(reports):
            share = trend.shares[index]
            bar_width = 0 if share is None else round(width * share / 100, 1)
            group["bars"].append(
                {
                    "round": report.round.name,
                    "share": share,
                    "y": y,
                    "text_y": y + TREND_BAR - 5,
                    "x": TREND_LABEL_WIDTH,
                    "width": bar_width,
                    "value_x": TREND_LABEL_WIDTH + bar_width + 6,
                    "fill": ROUND_FILLS[index % len(ROUND_FILLS)],
                }
            )
            y += TREND_BAR + 6
        y += 14
        groups.append(group)
    return {
        "width": CHART_WIDTH,
        "height": y,
        "bar_height": TREND_BAR,
        "label_width": TREND_LABEL_WIDTH,
        "scale_width": width,
        "groups": groups,
        "legend": [(report.round.name, ROUND_FILLS[i % len(ROUND_FILLS)]) for i, report in enumerate(reports)],
    }
