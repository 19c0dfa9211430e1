"""The region workspace: checklists per advice, updates with history, access per role."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import ModelLogEntry

from learning import services
from learning.models import Advice, ChecklistChange, ChecklistItem, RegionChecklistItem
from regions import access
from tests.files import docx_bytes, upload
from tests.regions.test_access import ALL_USERS, REGION_MATRIX


@pytest.fixture
def workspace(world):
    core = list(Advice.objects.filter(is_core=True))
    for region in (world.region_a, world.region_b):
        services.region_advices_set(region=region, advices=core)
    world.item = ChecklistItem.objects.filter(advice__number=1).order_by("position").first()
    return world


def _item_url(world, region=None, item=None):
    region = region or world.region_a
    return reverse("learning:checklist_item", args=[region.slug, (item or world.item).pk])


def test_seven_advices_have_checklist_items(db):
    assert Advice.objects.count() == 7
    assert set(Advice.objects.filter(is_core=True).values_list("number", flat=True)) == {1, 4}
    for advice in Advice.objects.all():
        assert advice.checklist_items.count() >= 3


@pytest.mark.parametrize("username", ALL_USERS)
@pytest.mark.parametrize("side", ["a", "b"])
def test_checklist_pages_as_every_role(client, workspace, login, username, side):
    region = getattr(workspace, f"region_{side}")
    login(workspace[username])
    may_view = side in REGION_MATRIX[access.REGION_VIEW].get(username, set())
    expected = 200 if may_view else (403 if username == "no_role" else 404)
    assert client.get(reverse("learning:checklist", args=[region.slug])).status_code == expected
    assert client.get(_item_url(workspace, region)).status_code == expected


@pytest.mark.parametrize("username", ["reviewer_a", "connector_a", "office", "knowledge_a"])
def test_only_the_team_may_record_changes(client, workspace, login, username):
    login(workspace[username])
    response = client.post(_item_url(workspace), {"status": "in_place", "explanation": "x"})
    assert response.status_code == 403
    assert not RegionChecklistItem.objects.exists()


def test_team_records_changes_and_history_is_kept(client, workspace, login):
    login(workspace["team_a"])
    first = client.post(_item_url(workspace), {"status": "started", "explanation": "Werkgroep gestart."})
    assert first.status_code == 302
    workspace.item.title = "Vast aanspreekpunt jeugdhulp per school (herschreven)"
    workspace.item.save()
    second = client.post(
        _item_url(workspace),
        {
            "status": "in_place",
            "explanation": "Op alle scholen.",
            "evidence_url": "https://example.org/afspraken",
            "evidence_file": upload("afspraken.docx", docx_bytes()),
        },
    )
    assert second.status_code == 302
    state = RegionChecklistItem.objects.get(region=workspace.region_a, item=workspace.item)
    assert state.status == "in_place" and state.evidence_document.name == "afspraken.docx"
    history = list(ChecklistChange.objects.filter(state=state).order_by("changed_at", "pk"))
    assert [c.status for c in history] == ["started", "in_place"]
    assert history[0].explanation == "Werkgroep gestart."
    assert ModelLogEntry.objects.filter(action="learning.checklist_update").count() == 2
    page = client.get(_item_url(workspace)).content.decode()
    assert "Werkgroep gestart." in page and "Op alle scholen." in page


def test_bad_input_keeps_what_was_typed(client, workspace, login):
    login(workspace["team_a"])
    response = client.post(
        _item_url(workspace),
        {
            "status": "nonsense",
            "explanation": "Mijn lange uitleg",
            "evidence_url": "geen url",
            "evidence_file": upload("virus.exe", b"MZ\x90\x00"),
        },
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Corrigeer het volgende" in body
    assert "Mijn lange uitleg" in body
    assert "Dit soort bestand wordt niet geaccepteerd" in body
    assert not RegionChecklistItem.objects.exists()


def test_items_of_advices_the_region_does_not_work_on_are_404(client, workspace, login):
    login(workspace["team_a"])
    other = ChecklistItem.objects.filter(advice__number=6).first()
    assert client.get(_item_url(workspace, item=other)).status_code == 404
    assert client.post(_item_url(workspace, item=other), {"status": "started"}).status_code == 404


def test_checklist_page_query_count_is_constant(client, workspace, login):
    login(workspace["team_a"])
    url = reverse("learning:checklist", args=[workspace.region_a.slug])
    client.get(url)

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    few = queries()
    services.region_advices_set(region=workspace.region_a, advices=Advice.objects.all())
    for item in ChecklistItem.objects.all():
        services.checklist_item_update(region=workspace.region_a, item=item, status="started", user=workspace["team_a"])
    assert queries() == few


def test_progress_share(workspace):
    from learning.selectors import region_checklists

    items = list(ChecklistItem.objects.filter(advice__number=1))
    services.checklist_item_update(region=workspace.region_a, item=items[0], status="embedded")
    services.checklist_item_update(region=workspace.region_a, item=items[1], status="started")
    first = next(c for c in region_checklists(workspace.region_a) if c.advice.number == 1)
    assert first.done_share == round(100 * 1 / len(items))
    assert first.progress["started"] == 1
