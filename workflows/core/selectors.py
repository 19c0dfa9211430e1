"""Reads about tasks of every flow: open tasks people can take or have taken, with due dates and
their pages. Each list costs one query per registered flow, whatever the number of tasks."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from workflows.core import registry
from workflows.core.nodes import PortalTask, task_url
from workflows.core.services import OPEN_TASK_STATUSES

DEFAULT_DUE_DAYS = 14


def with_due(tasks) -> list[Task]:
    """The people's tasks among ``tasks`` (not the flow's own steps, such as the join of parallel
    reviews, which have no page), each with its due date, whether it has passed, and its page URL."""
    now = timezone.now()
    tasks = [task for task in tasks if isinstance(task.flow_task, PortalTask)]
    for task in tasks:
        days = registry.entry_for_task(task).due_days.get(task.flow_task.name, DEFAULT_DUE_DAYS)
        task.due = task.created + timedelta(days=days)
        task.overdue = task.status in OPEN_TASK_STATUSES and task.due < now
        task.url = task_url(task)
    return tasks


def _open_for(user, entry):
    """``user``'s open tasks in one flow: those anyone allowed may take, and those the user took."""
    return entry.tasks_for(user).filter(
        Q(status=STATUS.NEW) | Q(status__in=[STATUS.ASSIGNED, STATUS.STARTED], owner=user)
    )


def open_tasks(*, user, flow_class=None, related: tuple[str, ...] = ()) -> list[Task]:
    """Open tasks ``user`` can take or has taken (of one flow, or of every flow), oldest first, each
    with its record (``task.record``), due date and URL."""
    result = []
    for entry in registry.entries():
        if flow_class is not None and entry.flow_class is not flow_class:
            continue
        paths = [f"process__{entry.record_name}__{path}" for path in entry.record_related] or [
            f"process__{entry.record_name}"
        ]
        tasks = _open_for(user, entry).select_related("owner", *paths, *related).order_by("created", "pk")
        for task in tasks:
            task.record = getattr(task.process, entry.record_name)
            result.append(task)
    result.sort(key=lambda task: (task.created, task.pk))
    return with_due(result)


def open_task_count(*, user, flow_class=None) -> int:
    """How many tasks wait for ``user`` (one query per flow)."""
    return sum(
        _open_for(user, entry).count()
        for entry in registry.entries()
        if flow_class is None or entry.flow_class is flow_class
    )


def record_tasks(record, *, user) -> list[Task]:
    """The open tasks of ``record``'s process that ``user`` may take or carry out."""
    if record.process_id is None:
        return []
    entry = registry.entry_for(record.process.flow_class)
    tasks = entry.tasks_for(user).filter(process_id=record.process_id, status__in=OPEN_TASK_STATUSES)
    return with_due(list(tasks.select_related("owner")))
