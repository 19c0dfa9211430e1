"""What every flow's steps share. Every state change of a task runs under the flow's process lock
(``select_for_update_lock``) in one transaction, after re-reading the task and locking the flow's
record: two people acting on the same task at once, or a form posted twice, give one transition
and a TaskNotAvailable for the other."""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction
from django.utils import timezone
from viewflow.workflow.exceptions import FlowLockFailed
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS
from wagtail.log_actions import log

from workflows.core import registry

OPEN_TASK_STATUSES = (STATUS.NEW, STATUS.ASSIGNED, STATUS.STARTED)


class TaskNotAvailable(Exception):
    """The task was completed, claimed by someone else, or is being handled right now."""


def run_locked(task: Task, work: Callable):
    """``work(task, record)`` under the task's process lock, in one transaction, on a freshly read
    task and its locked record; a process locked by someone else answers TaskNotAvailable."""
    entry = registry.entry_for_task(task)
    try:
        with entry.flow_class.lock(task.process_id), transaction.atomic():
            fresh = Task.objects.select_related("process").get(pk=task.pk)
            return work(fresh, entry.record_for(fresh, lock=True))
    except FlowLockFailed as error:
        raise TaskNotAvailable from error


def _audit(task: Task, record, action: str, user) -> None:
    entry = registry.entry_for_task(task)
    log(entry.audit_object(record), action, user=user, data={"task": task.pk, "node": task.flow_task.name})


def task_claim(*, task: Task, user) -> Task:
    """Take an open task (status NEW) for oneself; colleagues no longer see it in their list."""

    def work(task, record):
        if task.status != STATUS.NEW or not task.flow_task.can_assign(user, task):
            raise TaskNotAvailable
        task.assigned = timezone.now()
        task.flow_task.activation_class(task).assign(user)
        _audit(task, record, "workflows.task_claim", user)
        return task

    return run_locked(task, work)


def task_release(*, task: Task, user) -> Task:
    """Give a claimed task back, so a colleague can take it."""

    def work(task, record):
        if task.status != STATUS.ASSIGNED or not task.flow_task.can_unassign(user, task):
            raise TaskNotAvailable
        task.assigned = None
        task.flow_task.activation_class(task).unassign()
        _audit(task, record, "workflows.task_release", user)
        return task

    return run_locked(task, work)


def task_complete(*, task: Task, user, node, do: Callable):
    """Complete a task its owner took: ``do(task, record, activation)`` makes the domain writes, then
    the flow goes on. Anyone but the owner, another node, or a finished task: TaskNotAvailable."""

    def work(task, record):
        if task.flow_task != node or task.status != STATUS.ASSIGNED or not node.can_execute(user, task):
            raise TaskNotAvailable
        activation = node.activation_class(task)
        activation.start(None)
        result = do(task, record, activation)
        activation.execute()
        return result

    return run_locked(task, work)


def open_task(record, node) -> Task | None:
    """The newest unfinished task of ``node`` in the record's process."""
    if record.process_id is None:
        return None
    return (
        Task.objects.filter(process_id=record.process_id, flow_task=node)
        .exclude(status__in=[STATUS.DONE, STATUS.CANCELED])
        .order_by("-pk")
        .first()
    )


def record_submit(*, record, user, node, do: Callable):
    """The people who write a record (a report, a lesson, a returned application) submit it: the open
    task of ``node`` is taken for ``user`` if nobody has, ``do(task, record, activation)`` checks
    completeness and freezes a version, and the flow goes on to review. A record that is no longer
    editable, or a task someone else holds: TaskNotAvailable."""
    task = open_task(record, node)
    if task is None:
        raise TaskNotAvailable

    def work(task, record):
        if task.flow_task != node or task.status not in (STATUS.NEW, STATUS.ASSIGNED):
            raise TaskNotAvailable
        if not node.can_assign(user, task) and not node.can_execute(user, task):
            raise TaskNotAvailable
        if not record.is_editable:
            raise TaskNotAvailable
        activation = node.activation_class(task)
        if task.status == STATUS.NEW:
            task.assigned = timezone.now()
            activation.assign(user)
        activation.start(None)
        result = do(task, record, activation)
        activation.execute()
        return result

    return run_locked(task, work)
