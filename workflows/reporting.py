"""The reporting flow: a round opens and each active region's progress report waits for its team
(``fill``); once submitted, the region's paired coalition organisation reviews it (``review``):
accepted, or questions back to the region, which answers and submits again (the loop).

The durable record is learning.models.ProgressReport (with its versions and timeline), linked to
viewflow's own Process by a foreign key: this flow needs no process-local state, so it uses
viewflow's Process directly (no proxy model, no migration in this app). The review outcome is
kept in ``process.data``. Node names are machine names stored in task rows; only the annotations
are translated. Every state change runs in workflows.reporting_services under
``select_for_update_lock``.
"""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import nodes
from viewflow.workflow.flow import Flow
from viewflow.workflow.lock import select_for_update_lock
from viewflow.workflow.models import Process, Task

from regions import access
from workflows import reporting_views as views
from workflows.nodes import PortalTask


def report_task_view(node, view):
    """Wrap ``view`` so it receives ``request.task`` (a task of ``node`` the user may act on):
    anonymous visitors go to the login page, everyone else who may not act on it gets 404."""

    def wrapped(request, process_pk, task_pk, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        task = get_object_or_404(Task.objects.select_related("process", "owner"), pk=task_pk, process_id=process_pk)
        if task.flow_task != node or not access.can_act_on_report_task(request.user, task):
            raise Http404
        request.task = task
        return view(request, process_pk=process_pk, task_pk=task_pk, **kwargs)

    wrapped.__name__ = getattr(view, "__name__", "report_task_view")
    return wrapped


class ReportTask(PortalTask):
    """A human task of the reporting flow; rights come from regions.access.can_act_on_report_task."""

    @property
    def view_path(self):
        return path(f"<int:process_pk>/{self.name}/<int:task_pk>/", report_task_view(self, self.view), name="execute")

    def can_assign(self, user, task):
        return task.owner_id is None and access.can_act_on_report_task(user, task)

    def can_execute(self, user, task):
        return task.owner_id == getattr(user, "pk", None) and access.can_act_on_report_task(user, task)


class ReportingFlow(Flow):
    process_class = Process
    lock_impl = select_for_update_lock
    process_title = _("Progress report")
    process_description = _("A region reports its progress in a reporting round.")

    start = nodes.StartHandle(this.start_process).Next(this.fill)
    fill = (
        ReportTask(views.FillView.as_view())
        .Annotation(
            title=_("Write the progress report"),
            description=_("Describe per advice what changed, what helped and what blocked, and the next steps."),
        )
        .onCreate(this.task_created)
        .Next(this.review)
    )
    review = (
        ReportTask(views.ReviewView.as_view())
        .Annotation(
            title=_("Review the progress report"),
            description=_("Accept the report, or send questions back to the region."),
        )
        .onCreate(this.task_created)
        .Next(this.check_review)
    )
    check_review = (
        nodes.If(lambda activation: activation.process.data.get("outcome") == "accept").Then(this.end).Else(this.fill)
    )
    end = nodes.End()

    def start_process(self, activation, report):
        # Link the report first, so the first task's hooks can reach it.
        activation.process.save()
        report.process = activation.process
        report.save(update_fields=["process"])
        return activation.process

    def task_created(self, activation):
        from workflows import reporting_services

        reporting_services.task_created(task=activation.task)
