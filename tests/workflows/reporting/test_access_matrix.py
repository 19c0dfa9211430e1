"""Reports, overviews and the reports export as every role: a region sees its own reports, a
reviewer those of regions paired with its organisation (once submitted), the programme office all."""

import csv
import io

import pytest
from django.urls import reverse

from learning.models import Advice
from regions import access
from tests.regions.test_access import ALL_USERS, GLOBAL_MATRIX, REGION_MATRIX
from tests.workflows.reporting.conftest import write
from workflows.reporting import access as reporting_access
from workflows.reporting import services as reporting_services

MARK = {"a": "Tekst-A-r8k", "b": "Tekst-B-m2p"}


@pytest.fixture
def both(opened):
    """Region A's report submitted, region B's a draft; each with its own marker."""
    for side in ("a", "b"):
        report = getattr(opened, f"report_{side}")
        write(
            report,
            opened[f"team_{side}"],
            narratives={a.pk: {"changed": MARK[side]} for a in Advice.objects.filter(is_core=True)},
        )
    reporting_services.report_submit(report=opened.report_a, user=opened["team_a"])
    for side in ("a", "b"):
        getattr(opened, f"report_{side}").refresh_from_db()
    return opened


def may_view(username, side):
    if side == "a":  # submitted: everyone who sees the region
        return side in REGION_MATRIX[access.REGION_VIEW].get(username, set())
    return username in {"team_b", "office", "admin"}  # a draft: the team and the programme office


@pytest.mark.parametrize("username", ALL_USERS)
def test_report_pages(client, login, both, username):
    login(both[username])
    for side in ("a", "b"):
        report = getattr(both, f"report_{side}")
        response = client.get(report.get_absolute_url())
        if username not in GLOBAL_MATRIX[access.PORTAL_USE]:
            assert response.status_code == 403
        elif may_view(username, side):
            assert response.status_code == 200
        else:
            assert response.status_code == 404, (username, side)
            assert MARK[side] not in response.content.decode()
        assert set(reporting_access.reports_for(both[username]).values_list("region_id", flat=True)) == {
            getattr(both, f"region_{s}").pk for s in ("a", "b") if may_view(username, s)
        }


@pytest.mark.parametrize("username", ALL_USERS)
def test_reports_export(client, login, both, username):
    login(both[username])
    response = client.get(reverse("learning:export", args=["reports", "csv"]))
    if username not in GLOBAL_MATRIX[access.PORTAL_USE]:
        assert response.status_code == 403
        return
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    regions = {row[0] for row in rows[1:]}
    expected = {getattr(both, f"region_{s}").name for s in ("a", "b") if may_view(username, s)}
    assert regions == expected
    body = response.content.decode("utf-8-sig")
    assert (MARK["a"] in body) == may_view(username, "a")
    assert MARK["b"] not in body  # a draft's text is never exported: only submitted versions are


@pytest.mark.parametrize("username", ALL_USERS)
def test_overview_is_scoped(client, login, both, username):
    login(both[username])
    response = client.get(reverse("reports:overview"))
    if username not in GLOBAL_MATRIX[access.PORTAL_USE]:
        assert response.status_code == 403
        return
    assert response.status_code == 200
    per_state = dict((state, count) for state, _label, count in response.context["per_state"])
    assert per_state["submitted"] == int(may_view(username, "a"))
    assert per_state["draft"] == int(may_view(username, "b"))
    regions_seen = REGION_MATRIX[access.REGION_VIEW].get(username, set())
    assert response.context["region_count"] == len(regions_seen)


@pytest.mark.parametrize("username", ALL_USERS)
def test_region_progress_pages(client, login, both, username):
    login(both[username])
    for side in ("a", "b"):
        region = getattr(both, f"region_{side}")
        response = client.get(reverse("reports:region_progress", args=[region.slug]))
        if username not in GLOBAL_MATRIX[access.PORTAL_USE]:
            assert response.status_code == 403
        elif side in REGION_MATRIX[access.REGION_VIEW].get(username, set()):
            assert response.status_code == 200
        else:
            assert response.status_code == 404


@pytest.mark.parametrize("username", ALL_USERS)
def test_only_the_office_manages_rounds(client, login, both, username):
    login(both[username])
    create = client.post(
        reverse("reports:round_create"),
        {
            "name": "X",
            "period_start": "2025-01-01",
            "period_end": "2025-06-30",
            "opens_on": "2025-07-01",
            "due_on": "2025-08-01",
        },
    )
    opening = client.post(reverse("reports:round_edit", args=[both.round.pk]), {"action": "open"})
    if username in {"office", "admin"}:
        assert create.status_code == 302 and opening.status_code == 302
    else:
        assert create.status_code == 403 and opening.status_code == 403
