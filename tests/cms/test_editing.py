"""Editors' side of the public site: Wagtail's moderation workflow (the programme office approves),
previews of drafts for every page type, and scheduled publishing."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowState

from cms.models import ContentPage
from cms.moderation import moderation_workflow_ensure
from regions.roles import Role
from tests.cms.test_pages import PAGE_KEYS


def test_moderation_workflow_is_assigned_to_the_whole_tree_and_idempotent(db):
    first = moderation_workflow_ensure()
    second = moderation_workflow_ensure()
    assert first.pk == second.pk and Workflow.objects.filter(name=first.name).count() == 1
    assert WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow == first
    task = GroupApprovalTask.objects.get(workflow_tasks__workflow=first)
    assert Role.PROGRAMME_OFFICE in set(task.groups.values_list("name", flat=True))
    assert first.workflow_tasks.count() == 1


def test_a_submitted_page_is_published_when_the_office_approves_it(client, login, public_site, world):
    workflow = moderation_workflow_ensure()
    page = public_site["content"]
    page.title = "Over ons (herzien)"
    page.save_revision(user=world["editor"])
    state = workflow.start(page, world["editor"])
    task_state = state.current_task_state
    url = f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/"

    login(world["reviewer_a"])  # not a moderator
    refused = client.post(url, {"comment": ""})
    assert refused.status_code in (302, 403)
    assert Page.objects.get(pk=page.pk).title == "Over ons"

    login(world["office"])
    response = client.post(url, {"comment": "Akkoord."})
    assert response.status_code in (200, 302)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert Page.objects.get(pk=page.pk).title == "Over ons (herzien)"
    assert "Over ons (herzien)" in client.get(page.url).content.decode()


@pytest.mark.parametrize("key", ["home", *PAGE_KEYS])
def test_editors_can_preview_a_draft_of_every_page_type(client, login, public_site, world, key):
    page = public_site.home if key == "home" else public_site[key]
    page = page.specific
    page.title = f"{page.title} (concept)"
    page.save_revision(user=world["editor"])
    login(world["editor"])
    response = client.get(f"/admin/pages/{page.pk}/view_draft/")
    assert response.status_code == 200
    assert "(concept)</h1>" in response.content.decode()
    assert "(concept)" not in client.get(page.url).content.decode().split("<main")[1]  # live page unchanged


def test_visitors_cannot_see_drafts_through_the_preview(client, login, public_site, world):
    page = public_site["content"]
    url = f"/admin/pages/{page.pk}/view_draft/"
    assert client.get(url).status_code == 302
    login(world["team_a"])
    response = client.get(url)
    assert response.status_code in (302, 403)


def test_scheduled_publishing_goes_live_when_the_time_has_come(public_site, world):
    index = public_site["news_index"]
    now = timezone.now()
    soon = ContentPage(title="Gepland bericht", slug="gepland", live=False)
    later = ContentPage(title="Later bericht", slug="later", live=False)
    for page, when in [(soon, now - datetime.timedelta(minutes=1)), (later, now + datetime.timedelta(days=3))]:
        public_site.home.add_child(instance=page)
        page.go_live_at = when
        page.save_revision(user=world["editor"], approved_go_live_at=when)
    assert index  # the tree is in place
    call_command("publish_scheduled", verbosity=0)
    soon.refresh_from_db()
    later.refresh_from_db()
    assert soon.live and not later.live


EDIT_KEYS = ["content", "news", "meeting", "newsletter", "advice", "step", "region", "members", "form"]


@pytest.mark.parametrize("key", ["home", "news_index", "meeting_index", "step_index", *EDIT_KEYS])
def test_editors_can_open_the_edit_form_of_every_page_type(client, login, public_site, world, key):
    page = public_site.home if key == "home" else public_site[key]
    login(world["editor"])
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


@pytest.mark.parametrize(
    ("parent_key", "model"),
    [
        ("news_index", "newspage"),
        ("meeting_index", "meetingpage"),
        ("newsletter_index", "newsletterpage"),
        ("advice_index", "advicepage"),
        ("step_index", "steppage"),
        ("meeting", "formpage"),
        ("content", "contentpage"),
    ],
)
def test_editors_can_open_the_add_form_under_the_right_parent(client, login, public_site, world, parent_key, model):
    login(world["editor"])
    response = client.get(f"/admin/pages/add/cms/{model}/{public_site[parent_key].pk}/")
    assert response.status_code == 200


@pytest.mark.parametrize("username", ["office", "editor"])
def test_office_and_editors_keep_the_organisation_logos(client, login, public_site, world, username):
    login(world[username])
    listing = client.get("/admin/snippets/cms/organisationlogo/")
    assert listing.status_code == 200
    assert "Ledenorganisatie A" in listing.content.decode()
    assert client.get("/admin/snippets/cms/organisationlogo/add/").status_code == 200


def test_region_teams_cannot_reach_the_logos(client, login, public_site, world):
    login(world["team_a"])
    response = client.get("/admin/snippets/cms/organisationlogo/")
    assert response.status_code in (302, 403)
