"""Taking a task and giving it back are workflow actions too: each lands in the audit log, in every flow."""

from wagtail.models import ModelLogEntry

from tests.workflows.enrolment.conftest import EnrolmentFlow, open_task
from workflows.core import services as core_services


def _entries(action, user):
    return list(ModelLogEntry.objects.filter(action=action, user=user).values_list("data", flat=True))


def test_enrolment_claim_and_release_are_logged(world, submitted):
    task = open_task(submitted, EnrolmentFlow.intake)
    office = world["office"]
    core_services.task_claim(task=task, user=office)
    core_services.task_release(task=task, user=office)
    assert _entries("workflows.task_claim", office) == [{"task": task.pk, "node": "intake"}]
    assert _entries("workflows.task_release", office) == [{"task": task.pk, "node": "intake"}]
