"""workflows.core knows no flow: each flow registers itself, and the task node, the task page and the
take / give back services work for every registered flow through that registry."""

import pytest
from django.urls import reverse
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from tests.workflows.enrolment.conftest import fill
from workflows.core import registry
from workflows.core.nodes import PortalTask, task_url
from workflows.core.selectors import with_due
from workflows.core.services import TaskNotAvailable, task_claim, task_release
from workflows.enrolment import services as enrolment_services
from workflows.enrolment.flows import EnrolmentFlow
from workflows.enrolment.models import EnrolmentApplication
from workflows.reporting.flows import ReportingFlow
from workflows.reporting.models import ProgressReport
from workflows.sharing.flows import LessonFlow
from workflows.sharing.models import LessonSubmission

FLOWS = {EnrolmentFlow: EnrolmentApplication, ReportingFlow: ProgressReport, LessonFlow: LessonSubmission}


def test_every_flow_registers_its_record_and_access_rule():
    entries = {entry.flow_class: entry for entry in registry.entries()}
    assert set(entries) == set(FLOWS)
    for flow_class, record_model in FLOWS.items():
        entry = entries[flow_class]
        assert entry.record_model is record_model
        assert entry.record_name == record_model._meta.get_field("process").remote_field.related_name
        assert callable(entry.tasks_for) and callable(entry.on_task_created)


def test_an_unknown_flow_is_refused():
    with pytest.raises(LookupError):
        registry.entry_for(object)


def test_every_human_node_names_a_view_that_exists():
    for flow_class in FLOWS:
        nodes = [node for node in flow_class.instance.nodes() if isinstance(node, PortalTask)]
        assert nodes
        for node in nodes:
            assert callable(node.view), node


@pytest.mark.django_db
def test_take_and_give_back_work_for_every_flow_through_the_registry(world, login):
    applicant = world["team_a"]
    application = enrolment_services.application_create(applicant=applicant, region_name="Regio Registry")
    fill(application, applicant)
    enrolment_services.application_submit(application=application, user=applicant)
    task = Task.objects.get(
        process_id=EnrolmentApplication.objects.get(pk=application.pk).process_id, status=STATUS.NEW
    )
    office = world["office"]

    with pytest.raises(TaskNotAvailable):
        task_claim(task=task, user=world["reviewer_a"])  # the flow's rule refuses a reviewer
    task_claim(task=task, user=office)
    with pytest.raises(TaskNotAvailable):
        task_claim(task=task, user=office)  # a second click takes nothing
    task_release(task=task, user=office)
    task.refresh_from_db()
    assert task.status == STATUS.NEW and task.owner_id is None

    # The one task page answers the flow's people and no one else.
    page = task_url(task)
    assert login(world["reviewer_a"]).get(page).status_code == 404
    assert login(office).get(page).status_code == 200


@pytest.mark.django_db
def test_due_dates_come_from_the_flow_and_only_people_tasks_are_listed(world):
    applicant = world["team_a"]
    application = enrolment_services.application_create(applicant=applicant, region_name="Regio Termijn")
    fill(application, applicant)
    enrolment_services.application_submit(application=application, user=applicant)
    tasks = list(Task.objects.filter(process__enrolment_application__pk=application.pk))
    listed = with_due(tasks)
    assert [t.flow_task.name for t in listed] == ["intake"]  # the start node has no page
    intake = listed[0]
    assert (intake.due - intake.created).days == registry.entry_for(EnrolmentFlow).due_days["intake"]
    assert intake.url == task_url(intake) and not intake.overdue


def test_the_start_page_is_mounted_in_the_portal_namespace():
    assert reverse("portal:dashboard") == "/portal/"
