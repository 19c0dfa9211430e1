"""The portal's flows, registered by their own packages at start-up (AppConfig.ready).

workflows.core knows no particular flow. The task node, the task page, taking and giving back tasks,
the inbox and the start page ask this registry what a flow's durable record is and who may act on
its tasks, so adding a flow is one new package that registers one ``FlowEntry``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class PortalLink:
    """A link a flow offers someone on the start page (and in the portal's navigation)."""

    label: str
    url: str
    count: int | None = None  # tasks waiting, when the link leads to a list of tasks


def _region_of(record):
    return record.region


@dataclass(frozen=True)
class FlowEntry:
    flow_class: type
    # The durable record people read (an application, a report, a lesson), linked one-to-one to the
    # viewflow process by its ``process`` field.
    record_model: type
    # user -> the Task queryset (any status) the user may take and carry out: the flow's access rule.
    tasks_for: Callable
    # task -> None: the record now waits for the new task, and the people who can take it hear so.
    on_task_created: Callable
    label: str = ""
    # The record's name in templates of the flow's task pages ("application", "report", ...).
    context_name: str = "record"
    # select_related paths of the record when it is loaded for a task page or a locked step.
    record_related: tuple[str, ...] = ("region",)
    # record -> the object the audit log entries of taking and giving back are written on.
    audit_object: Callable = _region_of
    # node name -> the number of days a task of that node may take (the due date shown in lists).
    due_days: dict[str, int] = field(default_factory=dict)
    # user -> the links this flow offers the user on the start page.
    portal_links: Callable = lambda user: []

    @property
    def record_name(self) -> str:
        """The name of the record on a viewflow Process (the related name of its ``process`` field)."""
        return self.record_model._meta.get_field("process").remote_field.related_name

    def record_for(self, task, *, lock: bool = False):
        """The durable record of ``task``'s process (locked for the rest of the transaction if asked)."""
        records = self.record_model.objects.select_related(*self.record_related)
        if lock:
            records = records.select_for_update(of=("self",))
        return records.get(process_id=task.process_id)


_entries: dict[type, FlowEntry] = {}


def register(entry: FlowEntry) -> FlowEntry:
    _entries[entry.flow_class] = entry
    return entry


def entries() -> list[FlowEntry]:
    return list(_entries.values())


def entry_for(flow_class) -> FlowEntry:
    try:
        return _entries[flow_class]
    except KeyError:
        raise LookupError(f"{flow_class!r} is not a registered portal flow") from None


def entry_for_task(task) -> FlowEntry:
    return entry_for(task.flow_task.flow_class)
