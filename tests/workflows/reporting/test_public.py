"""The public, aggregated progress page: no names, briefly cached, open to everyone."""

from django.urls import reverse

from learning import services as learning_services
from learning.models import ChecklistItem


def test_public_progress_shows_totals_without_names(client, reporting_world):
    world = reporting_world
    item = ChecklistItem.objects.filter(advice__number=1).first()
    learning_services.checklist_item_update(region=world.region_a, item=item, status="embedded", user=world["team_a"])
    response = client.get(reverse("public_progress"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Actieve inspiratieregio's: 2." in body
    for name in ("Regio A", "Regio B", str(world["team_a"]), "Ledenorganisatie"):
        assert name not in body
    entry = {p.advice.number: p for p in response.context["progress"]}[1]
    assert entry.regions == 2 and entry.counts["embedded"] == 1


def test_public_progress_is_cached_briefly(client, reporting_world, django_assert_num_queries):
    client.get(reverse("public_progress"))
    item = ChecklistItem.objects.filter(advice__number=1).first()
    learning_services.checklist_item_update(region=reporting_world.region_a, item=item, status="embedded")
    response = client.get(reverse("public_progress"))
    entry = {p.advice.number: p for p in response.context["progress"]}[1]
    assert entry.counts.get("embedded", 0) == 0  # still the cached figures


def test_every_public_page_links_to_the_progress_figures(client, reporting_world):
    response = client.get("/")
    assert f'href="{reverse("public_progress")}"' in response.content.decode()
