"""A viewflow user-task node shown in the portal's own look, with permissions from regions.access.

viewflow's own task pages (Material frontend) are switched off: each node has one URL, its
``execute`` page, served by our view through ``portal_task_view``. Anonymous visitors are sent to
the login page (viewflow would answer 403), people who may not act on the task get 404, and the
state changes themselves happen in workflows.services under the flow's lock.
"""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path
from viewflow.workflow import flow
from viewflow.workflow.models import Task

from regions import access


def portal_task_view(node, view):
    """Wrap ``view`` so it receives ``request.task`` (a task of ``node`` the user may act on)."""

    def wrapped(request, process_pk, task_pk, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        task = get_object_or_404(Task.objects.select_related("process", "owner"), pk=task_pk, process_id=process_pk)
        if task.flow_task != node or not access.can_act_on_task(request.user, task):
            raise Http404
        request.task = task
        return view(request, process_pk=process_pk, task_pk=task_pk, **kwargs)

    wrapped.__name__ = getattr(view, "__name__", "task_view")
    return wrapped


class PortalTask(flow.View):
    """A human task whose claim and execute rights come from regions.access.can_act_on_task."""

    index_path = None
    detail_path = None
    cancel_path = None
    undo_path = None
    revive_path = None
    assign_path = None
    unassign_path = None
    reassign_path = None

    @property
    def view_path(self):
        return path(
            f"<int:process_pk>/{self.name}/<int:task_pk>/",
            portal_task_view(self, self.view),
            name="execute",
        )

    def can_assign(self, user, task):
        return task.owner_id is None and access.can_act_on_task(user, task)

    def can_execute(self, user, task):
        return task.owner_id == getattr(user, "pk", None) and access.can_act_on_task(user, task)

    def can_unassign(self, user, task):
        return task.owner_id is not None and task.owner_id == getattr(user, "pk", None)


def task_url(task) -> str:
    """The portal URL of a task's page."""
    if task.flow_task is None or not isinstance(task.flow_task, PortalTask):
        raise Http404
    return task.flow_task.reverse("execute", args=[task.process_id, task.pk])
