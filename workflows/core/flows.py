"""The base of the portal's flows."""

from __future__ import annotations

from viewflow.workflow.flow import Flow
from viewflow.workflow.lock import select_for_update_lock
from viewflow.workflow.models import Process

from workflows.core import registry


class PortalFlow(Flow):
    """A flow of the portal: every transition runs under the process lock; the durable record is
    linked to the process when it starts (``start`` is a StartHandle called with ``record=``); a new
    task is handed to the flow's own services (its registered ``on_task_created``).

    The flow's module only declares nodes: it imports neither its views (task nodes name them by
    dotted path) nor its services, so the flow, its access rules and its services import one way."""

    process_class = Process
    lock_impl = select_for_update_lock

    def start_process(self, activation, record):
        # Link the record first, so the first task's hooks can reach it.
        activation.process.save()
        record.process = activation.process
        record.save(update_fields=["process"])
        return activation.process

    def task_created(self, activation):
        registry.entry_for(type(self)).on_task_created(activation.task)
