"""The one human-task node of every portal flow, shown in the portal's own look.

viewflow's own task pages (Material frontend) are switched off: each node has one URL, its
``execute`` page, served by the flow's view (named by dotted path, resolved when the URLs are
built). Anonymous visitors are sent to the login page (viewflow would answer 403), people who may
not act on the task get 404. Who may act is the flow's own rule (workflows.core.access.can_act).
"""

from __future__ import annotations

from functools import cached_property

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.module_loading import import_string
from viewflow.workflow import flow
from viewflow.workflow.models import Task

from workflows.core.access import can_act


def portal_task_view(node, view):
    """Wrap ``view`` so it receives ``request.task`` (a task of ``node`` the user may act on)."""

    def wrapped(request, process_pk, task_pk, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        task = get_object_or_404(Task.objects.select_related("process", "owner"), pk=task_pk, process_id=process_pk)
        if task.flow_task != node or not can_act(request.user, task):
            raise Http404
        request.task = task
        return view(request, process_pk=process_pk, task_pk=task_pk, **kwargs)

    wrapped.__name__ = getattr(view, "__name__", "task_view")
    return wrapped


class PortalTask(flow.View):
    """A human task whose page is the view at the dotted path ``view`` and whose rights to take and
    carry out come from the flow's access rule."""

    index_path = None
    detail_path = None
    cancel_path = None
    undo_path = None
    revive_path = None
    assign_path = None
    unassign_path = None
    reassign_path = None

    def __init__(self, view: str, **kwargs):
        super().__init__(view, **kwargs)

    @cached_property
    def view(self):
        return import_string(self._view).as_view()

    @property
    def view_path(self):
        return path(f"<int:process_pk>/{self.name}/<int:task_pk>/", portal_task_view(self, self.view), name="execute")

    def can_assign(self, user, task):
        return task.owner_id is None and can_act(user, task)

    def can_execute(self, user, task):
        return task.owner_id == getattr(user, "pk", None) and can_act(user, task)

    def can_unassign(self, user, task):
        return task.owner_id is not None and task.owner_id == getattr(user, "pk", None)


def task_url(task) -> str:
    """The portal URL of a task's page."""
    if task.flow_task is None or not isinstance(task.flow_task, PortalTask):
        raise Http404
    return task.flow_task.reverse("execute", args=[task.process_id, task.pk])
