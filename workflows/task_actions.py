"""What every flow's tasks share: running a step under the process lock on a freshly read task, and
taking a task or giving it back (audit-logged). Each flow's services pass their flow class, how
to load (and lock) their record, and the object the audit entry belongs to."""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction
from django.utils import timezone
from viewflow.workflow.exceptions import FlowLockFailed
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS
from wagtail.log_actions import log


class TaskNotAvailable(Exception):
    """The task was completed, claimed by someone else, or is being handled right now."""


def run_locked(flow_class, task: Task, load_record: Callable, work: Callable):
    """``work(task, record)`` under ``flow_class``'s process lock, in one transaction, on a freshly
    read task; a process locked by someone else answers TaskNotAvailable."""
    try:
        with flow_class.lock(task.process_id), transaction.atomic():
            fresh = Task.objects.select_related("process").get(pk=task.pk)
            return work(fresh, load_record(fresh))
    except FlowLockFailed as error:
        raise TaskNotAvailable from error


def task_take(*, task: Task, user, run: Callable, audit_on: Callable) -> Task:
    """Take an open task (status NEW) for oneself; colleagues no longer see it in their list."""

    def work(task, record):
        if task.status != STATUS.NEW or not task.flow_task.can_assign(user, task):
            raise TaskNotAvailable
        task.assigned = timezone.now()
        task.flow_task.activation_class(task).assign(user)
        log(audit_on(record), "workflows.task_claim", user=user, data={"task": task.pk, "node": task.flow_task.name})
        return task

    return run(task, work)


def task_give_back(*, task: Task, user, run: Callable, audit_on: Callable) -> Task:
    """Give a claimed task back, so a colleague can take it."""

    def work(task, record):
        if task.status != STATUS.ASSIGNED or not task.flow_task.can_unassign(user, task):
            raise TaskNotAvailable
        task.assigned = None
        task.flow_task.activation_class(task).unassign()
        log(audit_on(record), "workflows.task_release", user=user, data={"task": task.pk, "node": task.flow_task.name})
        return task

    return run(task, work)
