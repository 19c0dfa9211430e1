"""Taking a review task of the reporting flow lands in the audit log."""

from wagtail.models import ModelLogEntry

from tests.workflows.reporting.conftest import open_task
from workflows.core import services as core_services
from workflows.reporting.flows import ReportingFlow


def test_reporting_claim_and_release_are_logged(submitted):
    task = open_task(submitted.report_a, ReportingFlow.review)
    reviewer = submitted["reviewer_a"]
    core_services.task_claim(task=task, user=reviewer)
    core_services.task_release(task=task, user=reviewer)
    actions = list(ModelLogEntry.objects.filter(user=reviewer).order_by("pk").values_list("action", "data"))
    assert actions[-2:] == [
        ("workflows.task_claim", {"task": task.pk, "node": "review"}),
        ("workflows.task_release", {"task": task.pk, "node": "review"}),
    ]
