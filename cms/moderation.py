"""Wagtail's own moderation workflow for the public site: editors submit, the programme office approves."""

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

from regions.roles import Role

WORKFLOW_NAME = "Moderators approval"  # the workflow Wagtail creates on a fresh database
TASK_NAME = "Moderators approval"


@transaction.atomic
def moderation_workflow_ensure() -> Workflow:
    """Wagtail's default moderation workflow, active, on the whole page tree, approved by Wagtail's
    Moderators and by the programme office. Idempotent; creates what a database lacks."""
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    if not task.active:
        task.active = True
        task.save(update_fields=["active"])
    groups = [Group.objects.get_or_create(name=Role.PROGRAMME_OFFICE)[0]]
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is not None:
        groups.append(moderators)
    task.groups.add(*groups)
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=workflow.workflow_tasks.count())
    root = Page.get_first_root_node()
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    return workflow
