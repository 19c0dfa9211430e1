"""The sharing flow through its services: write, submit, review (approve, changes loop, decline),
publish under the lessons index, correct with the URL kept."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from learning.library.models import LessonPage
from workflows.core import services as core_services
from workflows.sharing import services
from workflows.sharing.flows import LessonFlow
from workflows.sharing.models import LessonEvent, LessonSubmission

from .conftest import open_task, published, reviewed, submitted, written

State = LessonSubmission.State
pytestmark = pytest.mark.django_db


def test_write_and_submit_freezes_a_version_and_waits_for_review(lessons_world):
    submission = submitted(lessons_world)
    assert submission.state == State.SUBMITTED
    assert submission.version == 1
    version = submission.versions.get()
    assert version.data["title"] == "Jeugdhulp in de klas"
    assert [a["id"] for a in version.data["advices"]] == list(submission.advices.values_list("pk", flat=True))
    assert open_task(submission, LessonFlow.review) is not None
    assert any("reviewer_a@example.org" in m.to for m in mail.outbox)
    assert not any("reviewer_b@example.org" in m.to for m in mail.outbox)


def test_submit_refuses_an_incomplete_lesson_and_keeps_the_draft(lessons_world):
    submission = written(lessons_world, advices=[], worked="")
    with pytest.raises(ValidationError) as error:
        services.lesson_submit(submission=submission, user=lessons_world["team_a"])
    assert "what worked" in str(error.value).lower() or "wat werkte" in str(error.value).lower()
    submission.refresh_from_db()
    assert submission.state == State.DRAFT
    assert submission.title == "Jeugdhulp in de klas"


def test_approval_publishes_a_page_under_the_index_linked_to_the_region(lessons_world):
    submission = published(lessons_world)
    assert submission.state == State.PUBLISHED
    page = LessonPage.objects.get(pk=submission.page_id)
    assert page.live
    assert page.get_parent().pk == lessons_world.index.pk
    assert page.region == lessons_world.region_a
    assert set(page.advices.values_list("number", flat=True)) == {1, 4}
    assert page.contact_name == "Sanne de Vries"
    assert page.life_domain_list == ["school", "thuis"]
    assert any("team_a@example.org" in m.to and "gepubliceerd" in m.subject for m in mail.outbox)


def test_without_consent_no_name_is_published(lessons_world):
    submission = published(lessons_world, contact_consent=False)
    assert submission.contact_name == "Sanne de Vries"
    assert LessonPage.objects.get(pk=submission.page_id).contact_name == ""


def test_changes_loop_keeps_every_version(lessons_world):
    submission = submitted(lessons_world)
    submission = reviewed(lessons_world, submission, outcome="changes", message="Graag minder jargon.")
    assert submission.state == State.CHANGES
    assert submission.page_id is None
    write = open_task(submission, LessonFlow.write)
    assert write is not None
    assert any("team_a@example.org" in m.to and "Graag minder jargon." in m.body for m in mail.outbox)
    services.lesson_draft_save(
        submission=submission, user=lessons_world["team_a"], data={"summary": "Korter en zonder jargon."}
    )
    services.lesson_submit(submission=submission, user=lessons_world["team_a"])
    submission.refresh_from_db()
    assert submission.version == 2
    assert list(submission.versions.values_list("number", flat=True)) == [2, 1]
    assert submission.versions.get(number=1).data["summary"].startswith("Een jeugdhulpverlener")
    submission = reviewed(lessons_world, submission)
    assert submission.state == State.PUBLISHED
    kinds = list(submission.events.values_list("kind", flat=True))
    assert kinds == ["submitted", "changes", "submitted", "published"]


def test_decline_needs_a_motivation_and_publishes_nothing(lessons_world):
    submission = submitted(lessons_world)
    task = open_task(submission, LessonFlow.review)
    core_services.task_claim(task=task, user=lessons_world["reviewer_a"])
    with pytest.raises(ValidationError):
        services.review_complete(task=task, user=lessons_world["reviewer_a"], outcome="decline", message=" ")
    services.review_complete(
        task=task, user=lessons_world["reviewer_a"], outcome="decline", message="Bevat gegevens over een leerling."
    )
    submission.refresh_from_db()
    assert submission.state == State.DECLINED
    assert submission.page_id is None
    assert not LessonPage.objects.exists()
    assert submission.process.status == STATUS.DONE
    assert submission.events.get(kind=LessonEvent.Kind.DECLINED).message == "Bevat gegevens over een leerling."


def test_correction_updates_the_page_in_place_and_keeps_its_url(lessons_world):
    submission = published(lessons_world)
    page = LessonPage.objects.get(pk=submission.page_id)
    url = page.url
    services.lesson_correct(submission=submission, user=lessons_world["team_a"])
    submission.refresh_from_db()
    assert submission.state == State.DRAFT
    assert LessonPage.objects.get(pk=page.pk).live  # stays online while the correction is written
    services.lesson_draft_save(
        submission=submission, user=lessons_world["team_a"], data={"title": "Jeugdhulp in de klas, twee jaar later"}
    )
    services.lesson_submit(submission=submission, user=lessons_world["team_a"])
    submission = reviewed(lessons_world, LessonSubmission.objects.get(pk=submission.pk))
    page = LessonPage.objects.get(pk=page.pk)
    assert page.title == "Jeugdhulp in de klas, twee jaar later"
    assert page.url == url
    assert LessonPage.objects.count() == 1
    assert submission.version == 2


def test_a_task_is_completed_once_when_two_people_act(lessons_world):
    submission = submitted(lessons_world)
    task = open_task(submission, LessonFlow.review)
    core_services.task_claim(task=task, user=lessons_world["reviewer_a"])
    with pytest.raises(services.TaskNotAvailable):
        core_services.task_claim(task=task, user=lessons_world["connector_a"])
    services.review_complete(task=task, user=lessons_world["reviewer_a"], outcome="approve")
    with pytest.raises(services.TaskNotAvailable):
        services.review_complete(task=task, user=lessons_world["reviewer_a"], outcome="approve")
    assert Task.objects.filter(process_id=submission.process_id, flow_task=LessonFlow.review).count() == 1
