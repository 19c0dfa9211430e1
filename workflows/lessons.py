"""The sharing flow: a region's team writes a lesson (``write``) and submits it; the region's paired
coalition organisation (or the programme office) reviews it (``review``): approved and published as a
public page, changes requested (back to the team: the loop, every version kept) or declined with a
motivation. A correction of a published lesson starts the flow again for the same lesson; its public
page is updated in place and keeps its URL.

The durable record is learning.lessons.LessonSubmission, linked to viewflow's own Process by a
one-to-one key (no proxy model, no migration in this app). The review outcome is kept in
``process.data``. Node names are machine names stored in task rows; only annotations are translated.
Every state change runs in workflows.lessons_services under ``select_for_update_lock``.
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
from workflows import lessons_views as views
from workflows.nodes import PortalTask


def lesson_task_view(node, view):
    """Wrap ``view`` so it receives ``request.task`` (a task of ``node`` the user may act on):
    anonymous visitors go to the login page, everyone else who may not act on it gets 404."""

    def wrapped(request, process_pk, task_pk, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        task = get_object_or_404(Task.objects.select_related("process", "owner"), pk=task_pk, process_id=process_pk)
        if task.flow_task != node or not access.can_act_on_lesson_task(request.user, task):
            raise Http404
        request.task = task
        return view(request, process_pk=process_pk, task_pk=task_pk, **kwargs)

    wrapped.__name__ = getattr(view, "__name__", "lesson_task_view")
    return wrapped


class LessonTask(PortalTask):
    """A human task of the sharing flow; rights come from regions.access.can_act_on_lesson_task."""

    @property
    def view_path(self):
        return path(f"<int:process_pk>/{self.name}/<int:task_pk>/", lesson_task_view(self, self.view), name="execute")

    def can_assign(self, user, task):
        return task.owner_id is None and access.can_act_on_lesson_task(user, task)

    def can_execute(self, user, task):
        return task.owner_id == getattr(user, "pk", None) and access.can_act_on_lesson_task(user, task)


class LessonFlow(Flow):
    process_class = Process
    lock_impl = select_for_update_lock
    process_title = _("Lesson")
    process_description = _("A region shares a lesson; the coalition reviews and publishes it.")

    start = nodes.StartHandle(this.start_process).Next(this.write)
    write = (
        LessonTask(views.WriteView.as_view())
        .Annotation(
            title=_("Write the lesson"),
            description=_("Describe the situation, what you did, what worked and what did not, and tips for others."),
        )
        .onCreate(this.task_created)
        .Next(this.review)
    )
    review = (
        LessonTask(views.ReviewView.as_view())
        .Annotation(
            title=_("Review the lesson"),
            description=_("Approve and publish the lesson, ask the region for changes, or decline it."),
        )
        .onCreate(this.task_created)
        .Next(this.check_review)
    )
    check_review = (
        nodes.If(lambda activation: activation.process.data.get("outcome") == "changes").Then(this.write).Else(this.end)
    )
    end = nodes.End()

    def start_process(self, activation, submission):
        # Link the submission first, so the first task's hooks can reach it.
        activation.process.save()
        submission.process = activation.process
        submission.save(update_fields=["process"])
        return activation.process

    def task_created(self, activation):
        from workflows import lessons_services

        lessons_services.task_created(task=activation.task)
