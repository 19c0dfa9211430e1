"""The sharing flow's portal pages through HTTP, as each role: the team writes (draft kept, nothing
lost on errors, uploads checked), the paired organisation reviews, others get 404 or 403."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image
from viewflow.workflow.status import STATUS

from learning.library.models import LessonPage
from learning.models import Advice
from tests.files import pdf_bytes
from workflows.core import services as core_services
from workflows.core.nodes import task_url
from workflows.sharing import services
from workflows.sharing.flows import LessonFlow
from workflows.sharing.models import LessonSubmission

from .conftest import open_task, published, submitted, written

State = LessonSubmission.State
pytestmark = pytest.mark.django_db


def png_bytes(size=(40, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 80, 40)).save(buffer, format="PNG")
    return buffer.getvalue()


def form_data(**overrides):
    data = {
        "title": "Samen aan tafel",
        "summary": "Gemeente en samenwerkingsverband maken één plan.",
        "situation": "Twee plannen naast elkaar.",
        "approach": "Eén werkgroep.",
        "worked": "Een gezamenlijke agenda.",
        "did_not_work": "",
        "tips": "",
        "advices": [str(Advice.objects.get(number=4).pk)],
        "life_domains": ["school"],
        "school_types": ["po", "vo"],
        "partners": "Gemeente, SWV",
        "contact_name": "",
        "action": "save",
    }
    data.update(overrides)
    return data


# --- Who may open which page ----------------------------------------------------------------------
WRITE_ALLOWED = {"team_a", "admin"}  # the team of region A (the administrator may act for any region)
REVIEW_ALLOWED = {"reviewer_a", "connector_a", "office", "admin"}
ROLES = ["team_a", "team_b", "reviewer_a", "reviewer_b", "connector_a", "office", "editor", "knowledge_a", "no_role"]


@pytest.mark.parametrize("role", ROLES + ["admin"])
def test_write_task_page_per_role(lessons_world, login, role):
    submission = written(lessons_world)
    url = task_url(open_task(submission, LessonFlow.write))
    response = login(lessons_world[role]).get(url)
    assert response.status_code == (200 if role in WRITE_ALLOWED else 404)


@pytest.mark.parametrize("role", ROLES + ["admin"])
def test_review_task_page_per_role(lessons_world, login, role):
    submission = submitted(lessons_world)
    url = task_url(open_task(submission, LessonFlow.review))
    response = login(lessons_world[role]).get(url)
    assert response.status_code == (200 if role in REVIEW_ALLOWED else 404)


def test_task_pages_send_anonymous_visitors_to_login(client, lessons_world):
    submission = submitted(lessons_world)
    for url in (task_url(open_task(submission, LessonFlow.review)), reverse("lessons:detail", args=[submission.pk])):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("role", ["team_b", "reviewer_a", "office", "editor"])
def test_wrong_role_cannot_post_to_the_write_task(lessons_world, login, role):
    submission = written(lessons_world)
    url = task_url(open_task(submission, LessonFlow.write))
    response = login(lessons_world[role]).post(url, form_data(title="Overgenomen", action="submit"))
    assert response.status_code == 404
    submission.refresh_from_db()
    assert submission.title == "Jeugdhulp in de klas" and submission.state == State.DRAFT


@pytest.mark.parametrize("role", ["reviewer_b", "team_a", "team_b", "editor"])
def test_wrong_role_cannot_claim_or_decide_the_review(lessons_world, login, role):
    submission = submitted(lessons_world)
    task = open_task(submission, LessonFlow.review)
    client = login(lessons_world[role])
    assert client.post(task_url(task), {"action": "claim"}).status_code == 404
    assert client.post(task_url(task), {"outcome": "approve"}).status_code == 404
    task.refresh_from_db()
    assert task.status == STATUS.NEW and not LessonPage.objects.exists()


def test_detail_page_scope(lessons_world, login):
    w = lessons_world
    draft = written(w)
    url = reverse("lessons:detail", args=[draft.pk])
    assert login(w["team_a"]).get(url).status_code == 200
    for role in ("team_b", "reviewer_a", "reviewer_b", "no_role"):
        assert login(w[role]).get(url).status_code in (403, 404), role
    done = submitted(w)
    url = reverse("lessons:detail", args=[done.pk])
    for role in ("team_a", "reviewer_a", "connector_a", "office", "knowledge_a"):
        assert login(w[role]).get(url).status_code == 200, role
    for role in ("team_b", "reviewer_b"):
        assert login(w[role]).get(url).status_code == 404, role


def test_list_page_shows_only_lessons_in_scope(lessons_world, login):
    w = lessons_world
    submitted(w, title="Les van A")
    written(w, "b", title="Les van B")
    body = login(w["reviewer_a"]).get(reverse("lessons:list")).content.decode()
    assert "Les van A" in body and "Les van B" not in body
    body = login(w["team_b"]).get(reverse("lessons:list")).content.decode()
    assert "Les van B" in body and "Les van A" not in body
    assert login(w["no_role"]).get(reverse("lessons:list")).status_code == 403


def test_start_only_for_a_region_team(lessons_world, login):
    w = lessons_world
    for role in ("reviewer_a", "office", "editor", "no_role"):
        assert login(w[role]).get(reverse("lessons:start")).status_code == 403, role
    client = login(w["team_a"])
    response = client.post(reverse("lessons:start"), {"region": w.region_b.pk})
    assert response.status_code == 400  # not one of the user's regions
    response = client.post(reverse("lessons:start"), {"region": w.region_a.pk})
    submission = LessonSubmission.objects.get(region=w.region_a)
    assert response["Location"] == task_url(open_task(submission, LessonFlow.write))


# --- Writing: drafts, errors, uploads -------------------------------------------------------------
def _write_url(submission):
    return task_url(open_task(submission, LessonFlow.write))


def test_team_saves_a_draft_and_submits_it(lessons_world, login):
    w = lessons_world
    submission = written(w)
    client = login(w["team_a"])
    response = client.post(_write_url(submission), form_data())
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.title == "Samen aan tafel" and submission.school_type_list == ["po", "vo"]
    assert submission.state == State.DRAFT
    response = client.post(_write_url(submission), form_data(action="submit"))
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.state == State.SUBMITTED and submission.version == 1


def test_submit_with_missing_fields_keeps_the_draft_and_says_what_is_missing(lessons_world, login):
    w = lessons_world
    submission = written(w)
    client = login(w["team_a"])
    response = client.post(_write_url(submission), form_data(worked="", advices=[], action="submit"))
    assert response.status_code == 400
    body = response.content.decode()
    assert "error-summary" in body
    assert "Samen aan tafel" in body  # what was typed is still in the form
    submission.refresh_from_db()
    assert submission.title == "Samen aan tafel" and submission.state == State.DRAFT


def test_too_long_title_is_refused_and_everything_else_is_saved(lessons_world, login):
    w = lessons_world
    submission = written(w)
    response = login(w["team_a"]).post(_write_url(submission), form_data(title="x" * 200, summary="Nieuw overzicht."))
    assert response.status_code == 400
    assert "x" * 200 in response.content.decode()
    submission.refresh_from_db()
    assert submission.summary == "Nieuw overzicht." and submission.title == "Jeugdhulp in de klas"


def test_uploads_checked_by_type_and_size_with_the_rest_kept(lessons_world, login, settings):
    w = lessons_world
    settings.UPLOAD_MAX_BYTES = 50_000
    submission = written(w)
    client = login(w["team_a"])
    data = form_data(
        summary="Bewaard ondanks de bestanden.",
        image=SimpleUploadedFile("foto.png", b"%PDF-1.4 geen afbeelding", content_type="image/png"),
        image_alt="Een foto",
        document=SimpleUploadedFile("groot.pdf", pdf_bytes() + b"0" * 60_000, content_type="application/pdf"),
    )
    response = client.post(_write_url(submission), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert "foto.png" in body and "groot.pdf" in body
    submission.refresh_from_db()
    assert submission.summary == "Bewaard ondanks de bestanden."
    assert submission.attachments.count() == 0
    # An image without a description is refused; a good image and document are kept.
    response = client.post(
        _write_url(submission),
        form_data(image=SimpleUploadedFile("foto.png", png_bytes(), content_type="image/png"), image_alt=""),
    )
    assert response.status_code == 400 and submission.attachments.count() == 0
    response = client.post(
        _write_url(submission),
        form_data(
            image=SimpleUploadedFile("foto.png", png_bytes(), content_type="image/png"),
            image_alt="De werkgroep aan tafel",
            document=SimpleUploadedFile("plan.pdf", pdf_bytes(), content_type="application/pdf"),
        ),
    )
    assert response.status_code == 302
    assert sorted(submission.attachments.values_list("name", "kind")) == [
        ("foto.png", "image"),
        ("plan.pdf", "document"),
    ]


def test_attachments_are_downloaded_only_by_people_who_see_the_lesson(lessons_world, login):
    w = lessons_world
    submission = written(w)
    services.lesson_draft_save(
        submission=submission,
        user=w["team_a"],
        data={},
        files=[(SimpleUploadedFile("plan.pdf", pdf_bytes(), content_type="application/pdf"), "")],
    )
    attachment = submission.attachments.get()
    url = reverse("lessons:attachment", args=[submission.pk, attachment.pk])
    response = login(w["team_a"]).get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert "sandbox" in response["Content-Security-Policy"]
    for role in ("team_b", "reviewer_b", "reviewer_a"):  # reviewer A: the lesson is still a draft
        assert login(w[role]).get(url).status_code == 404, role


def test_published_images_and_documents_appear_on_the_lesson_page(lessons_world, client):
    w = lessons_world
    submission = written(w)
    services.lesson_draft_save(
        submission=submission,
        user=w["team_a"],
        data={},
        files=[
            (SimpleUploadedFile("foto.png", png_bytes(), content_type="image/png"), "De werkgroep aan tafel"),
            (SimpleUploadedFile("plan.pdf", pdf_bytes(), content_type="application/pdf"), ""),
        ],
    )
    services.lesson_submit(submission=submission, user=w["team_a"])
    task = open_task(submission, LessonFlow.review)
    core_services.task_claim(task=task, user=w["reviewer_a"])
    services.review_complete(task=task, user=w["reviewer_a"], outcome="approve")
    submission.refresh_from_db()
    body = client.get(submission.page.url).content.decode()
    assert 'alt="De werkgroep aan tafel"' in body
    assert "plan.pdf" in body


# --- Review through HTTP --------------------------------------------------------------------------
def test_review_claim_and_decisions_through_http(lessons_world, login):
    w = lessons_world
    submission = submitted(w)
    task = open_task(submission, LessonFlow.review)
    client = login(w["reviewer_a"])
    assert client.post(task_url(task), {"action": "claim"}).status_code == 302
    response = client.post(task_url(task), {"outcome": "changes", "message": ""})
    assert response.status_code == 400 and "error-summary" in response.content.decode()
    response = client.post(task_url(task), {"outcome": "changes", "message": "Haal de schoolnaam weg."})
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.state == State.CHANGES
    team = login(w["team_a"])
    page = team.get(_write_url(submission))
    assert "Haal de schoolnaam weg." in page.content.decode()
    team.post(_write_url(submission), form_data(action="submit"))
    submission.refresh_from_db()
    assert submission.state == State.SUBMITTED and submission.version == 2
    task = open_task(submission, LessonFlow.review)
    client = login(w["connector_a"])
    client.post(task_url(task), {"action": "claim"})
    assert client.post(task_url(task), {"outcome": "approve", "message": ""}).status_code == 302
    submission.refresh_from_db()
    assert submission.state == State.PUBLISHED
    assert login(w["team_a"]).get(reverse("lessons:version_detail", args=[submission.pk, 1])).status_code == 200


def test_correction_through_http_keeps_the_public_url(lessons_world, login):
    w = lessons_world
    submission = published(w)
    url = submission.page.url
    for role in ("reviewer_a", "team_b"):
        assert login(w[role]).post(reverse("lessons:correct", args=[submission.pk])).status_code in (403, 404)
    team = login(w["team_a"])
    assert team.get(reverse("lessons:correct", args=[submission.pk])).status_code == 405
    response = team.post(reverse("lessons:correct", args=[submission.pk]))
    submission.refresh_from_db()
    assert response["Location"] == _write_url(submission)
    assert Client().get(url).status_code == 200  # still online during the correction
