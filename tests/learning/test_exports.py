"""CSV and XLSX exports of checklists and indicators: scoped to what the user may see, safe to open."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from learning import services
from learning.models import Advice, ChecklistItem
from regions import access
from regions import services as region_services
from tests.factories import RegionFactory
from tests.regions.test_access import ALL_USERS, REGION_MATRIX

MARKER = {"a": "uitleg-regio-a", "b": "uitleg-regio-b"}


@pytest.fixture
def recorded(world):
    world.item = ChecklistItem.objects.filter(advice__number=1).order_by("position").first()
    for side in ("a", "b"):
        region = getattr(world, f"region_{side}")
        services.region_advices_set(region=region, advices=Advice.objects.filter(is_core=True))
        services.checklist_item_update(region=region, item=world.item, status="started", explanation=MARKER[side])
        services.indicator_value_save(region=region, school_type="po", year=2024, value=12, source=MARKER[side])
    services.indicator_value_save(region=None, school_type="po", year=2024, value=10, source="CBS")
    return world


def _csv(response):
    text = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def _xlsx(response):
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.mark.parametrize("what", ["checklists", "indicators"])
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("username", ALL_USERS)
def test_exports_hold_only_the_regions_the_user_may_see(client, recorded, login, username, what, fmt):
    login(recorded[username])
    response = client.get(reverse("learning:export", args=[what, fmt]))
    if username not in {u for u in ALL_USERS if access.can(recorded[u], access.PORTAL_USE)}:
        assert response.status_code == 403
        return
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    rows = _csv(response) if fmt == "csv" else _xlsx(response)
    visible = REGION_MATRIX[access.REGION_VIEW].get(username, set())
    regions_in_file = {row[0] for row in rows[1:]}
    assert regions_in_file == {getattr(recorded, f"region_{side}").name for side in visible}
    flat = " ".join(str(cell) for row in rows for cell in row)
    for side, marker in MARKER.items():
        assert (marker in flat) is (side in visible)


def test_indicator_export_has_the_national_figure_next_to_the_region(client, recorded, login):
    login(recorded["team_a"])
    rows = _csv(client.get(reverse("learning:export", args=["indicators", "csv"])))
    assert rows[0][:5] == ["Regio", "Schooltype", "Jaar", "Jeugdhulpgebruik (%)", "Landelijk (%)"]
    assert rows[1][:5] == ["Regio A", "po", "2024", "12.0", "10.0"]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_cells_that_look_like_formulas_are_neutralised(client, recorded, login, fmt):
    services.checklist_item_update(
        region=recorded.region_a, item=recorded.item, status="started", explanation='=HYPERLINK("http://x","klik")'
    )
    login(recorded["team_a"])
    rows = (_csv if fmt == "csv" else _xlsx)(client.get(reverse("learning:export", args=["checklists", fmt])))
    explanations = [row[4] for row in rows[1:]]
    assert explanations == ['\'=HYPERLINK("http://x","klik")']


def test_unknown_exports_are_404(client, recorded, login):
    login(recorded["office"])
    assert client.get(reverse("learning:export", args=["people", "csv"])).status_code == 404
    assert client.get(reverse("learning:export", args=["checklists", "pdf"])).status_code == 404


def test_anonymous_is_sent_to_login(client, recorded):
    response = client.get(reverse("learning:export", args=["checklists", "csv"]))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_every_export_is_in_the_audit_log(client, recorded, login):
    login(recorded["reviewer_a"])
    client.get(reverse("learning:export", args=["indicators", "xlsx"]))
    entry = ModelLogEntry.objects.get(action="learning.export")
    assert entry.user == recorded["reviewer_a"]
    assert entry.data == {"export": "indicators", "format": "xlsx"}


@pytest.mark.parametrize("what", ["checklists", "indicators"])
def test_export_queries_do_not_grow_with_regions(client, recorded, login, what):
    login(recorded["office"])

    def count():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("learning:export", args=[what, "csv"]))
            assert response.status_code == 200
        return len(queries), len(_csv(response))

    small_queries, small_rows = count()
    core = list(Advice.objects.filter(is_core=True))
    for number in range(25):
        region = RegionFactory(name=f"Extra regio {number}", slug=f"extra-{number}")
        region_services.region_pair_organisation(region=region, organisation=recorded.org_a)
        services.region_advices_set(region=region, advices=core)
        services.checklist_item_update(region=region, item=recorded.item, status="in_place", explanation="x")
        services.indicator_value_save(region=region, school_type="vo", year=2023, value=5, source="x")
    large_queries, large_rows = count()
    assert large_rows == small_rows + 25
    assert large_queries == small_queries
