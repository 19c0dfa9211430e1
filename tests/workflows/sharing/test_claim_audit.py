"""Taking a lesson's review task lands in the audit log, on the region."""

from wagtail.models import ModelLogEntry

from tests.workflows.sharing.conftest import open_task, submitted
from workflows.core import services as core_services
from workflows.sharing.flows import LessonFlow


def test_lesson_claim_is_logged_on_the_region(lessons_world):
    submission = submitted(lessons_world)
    task = open_task(submission, LessonFlow.review)
    reviewer = lessons_world["reviewer_a"]
    core_services.task_claim(task=task, user=reviewer)
    entry = ModelLogEntry.objects.get(action="workflows.task_claim", user=reviewer)
    assert entry.data == {"task": task.pk, "node": "review"}
    assert entry.object_id == str(lessons_world.region_a.pk)
