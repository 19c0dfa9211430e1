"""Portal pages of the sharing flow: the list of lessons in scope with open tasks, starting a
lesson, a lesson with its versions and timeline, its files, a correction of a published lesson, and
the flow's task pages (write, review). Views validate input, call one service or selector and
render; rights come from workflows.sharing.access."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from regions import access as region_access
from regions.mixins import ActionRequiredMixin
from workflows.core import selectors as task_selectors
from workflows.core.nodes import task_url
from workflows.core.services import TaskNotAvailable, open_task
from workflows.core.views import TaskPageMixin, TaskPageView, error_messages
from workflows.sharing import access, services
from workflows.sharing.flows import LessonFlow
from workflows.sharing.forms import LessonForm, LessonReviewForm, LessonStartForm
from workflows.sharing.models import LessonEvent, LessonSubmission

LESSONS_PER_PAGE = 25
TASKS_SHOWN = 50


class LessonListView(ActionRequiredMixin, TemplateView):
    """The lessons the user may see (scoped, one query per page) and the open tasks the user can
    take or has taken."""

    template_name = "workflows/sharing/list.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        context = super().get_context_data(**kwargs)
        lessons = (
            access.lessons_for(user, access.LESSON_VIEW).select_related("region", "page").order_by("-updated_at", "-pk")
        )
        state = self.request.GET.get("state", "")
        if state in LessonSubmission.State.values:
            lessons = lessons.filter(state=state)
        context.update(
            page_obj=Paginator(lessons, LESSONS_PER_PAGE).get_page(self.request.GET.get("page")),
            tasks=task_selectors.open_tasks(user=user, flow_class=LessonFlow)[:TASKS_SHOWN],
            states=LessonSubmission.State.choices,
            state=state,
            can_start=region_access.regions_for(user, region_access.REGION_WORK).exists(),
        )
        return context


class LessonStartView(ActionRequiredMixin, TemplateView):
    """Start a lesson for one of the user's regions (the region's team only)."""

    template_name = "workflows/sharing/start.html"

    def load_objects(self, **kwargs):
        self.regions = region_access.regions_for(self.request.user, region_access.REGION_WORK).order_by("name")
        if not self.regions.exists():
            raise PermissionDenied

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", LessonStartForm(regions=self.regions))
        return context

    def post(self, request, *args, **kwargs):
        form = LessonStartForm(request.POST, regions=self.regions)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        submission = services.lesson_start(region=form.cleaned_data["region"], user=request.user)
        return redirect(_write_url(submission))


def _write_url(submission):
    task = open_task(submission, LessonFlow.write)
    return task_url(task) if task else submission.get_absolute_url()


class LessonDetailView(ActionRequiredMixin, TemplateView):
    """A lesson: the latest submitted version (or the draft, for its team), the timeline, versions,
    files and the user's open tasks."""

    template_name = "workflows/sharing/detail.html"

    def load_objects(self, **kwargs):
        self.submission = get_object_or_404(
            access.lessons_for(self.request.user, access.LESSON_VIEW).select_related("region", "page", "author"),
            pk=kwargs["pk"],
        )

    def get_context_data(self, **kwargs):
        user = self.request.user
        context = super().get_context_data(**kwargs)
        versions = list(self.submission.versions.select_related("submitted_by"))
        tasks = task_selectors.record_tasks(self.submission, user=user)
        context.update(
            submission=self.submission,
            version=versions[0] if versions else None,
            versions=versions,
            events=self.submission.events.select_related("actor"),
            attachments=self.submission.attachments.all(),
            my_tasks=tasks,
            can_edit=access.can_lesson(user, access.LESSON_EDIT, self.submission),
            can_correct=access.can_lesson(user, access.LESSON_CORRECT, self.submission),
        )
        return context


class VersionDetailView(LessonDetailView):
    template_name = "workflows/sharing/version_detail.html"

    def load_objects(self, **kwargs):
        super().load_objects(**kwargs)
        self.version = get_object_or_404(
            self.submission.versions.select_related("submitted_by"), number=kwargs["number"]
        )

    def get_context_data(self, **kwargs):
        return {"view": self, "submission": self.submission, "version": self.version}


class LessonCorrectView(ActionRequiredMixin, TemplateView):
    """POST: start a correction of a published lesson (its team); the page keeps its URL."""

    def load_objects(self, **kwargs):
        self.submission = get_object_or_404(access.lessons_for(self.request.user, access.LESSON_VIEW), pk=kwargs["pk"])

    def get(self, request, *args, **kwargs):
        return HttpResponseNotAllowed(["POST"])

    def post(self, request, *args, **kwargs):
        if not access.can_lesson(request.user, access.LESSON_CORRECT, self.submission):
            raise PermissionDenied
        try:
            submission = services.lesson_correct(submission=self.submission, user=request.user)
        except TaskNotAvailable:
            messages.warning(request, _("A correction of this lesson was already started."))
            return redirect(self.submission.get_absolute_url())
        messages.success(request, _("You can now correct the lesson; the public page stays as it is until approval."))
        return redirect(_write_url(submission))


def attachment_download(request, pk, attachment_pk):
    """A lesson's file, for whoever may see the lesson: always as an attachment, sandboxed."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    submission = get_object_or_404(access.lessons_for(request.user, access.LESSON_VIEW), pk=pk)
    attachment = get_object_or_404(submission.attachments, pk=attachment_pk)
    response = FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.name, content_type=attachment.content_type
    )
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


# --- Task pages (the flow's node views; see workflows.core.nodes.PortalTask) ----------------------------
class LessonTaskMixin(TaskPageMixin):
    @property
    def submission(self) -> LessonSubmission:
        return self.record

    def record_title(self) -> str:
        return self.submission.title


class WriteView(LessonTaskMixin, TemplateView):
    """The team writes the lesson (saved as a draft as often as they like) and submits it."""

    template_name = "workflows/sharing/task_write.html"

    def _form(self, data=None, files=None):
        attachments = list(self.submission.attachments.all())
        return LessonForm(data, files, initial=LessonForm.initial_for(self.submission), attachments=attachments)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self._form())
        changes = None
        if self.submission.state == LessonSubmission.State.CHANGES:
            changes = self.submission.events.filter(kind=LessonEvent.Kind.CHANGES).select_related("actor").last()
        context.update(
            changes=changes,
            attachments=self.submission.attachments.all(),
            missing=services.lesson_missing(self.submission),
        )
        return context

    def _closed(self, request):
        if self.done or not self.submission.is_editable:
            messages.info(request, _("This lesson was already submitted."))
            return redirect(self.submission.get_absolute_url())
        return None

    def get(self, request, *args, **kwargs):
        return self._closed(request) or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        closed = self._closed(request)
        if closed:
            return closed
        form = self._form(request.POST, request.FILES)
        valid = form.is_valid()
        files = [
            (form.cleaned_data.get("image"), form.cleaned_data.get("image_alt")),
            (form.cleaned_data.get("document"), ""),
        ]
        remove = [int(pk) for pk in form.cleaned_data.get("remove", [])]
        try:
            # Everything that passed validation is saved, also when another field or a file is refused.
            services.lesson_draft_save(
                submission=self.submission, user=request.user, data=form.valid_data(), files=files, remove=remove
            )
        except ValidationError as error:
            for message in error_messages(error):
                form.add_error(None, message)
            valid = False
        except TaskNotAvailable:
            messages.warning(request, _("This lesson was already submitted by someone else."))
            return redirect(self.submission.get_absolute_url())
        self.submission.refresh_from_db()
        if not valid:
            return self.render_to_response(self.get_context_data(form=form, draft_saved=True), status=400)
        if request.POST.get("action") != "submit":
            messages.success(request, _("Your draft was saved."))
            return redirect(request.path)
        try:
            services.lesson_submit(submission=self.submission, user=request.user)
        except ValidationError as error:
            for message in error_messages(error):
                form.add_error(None, message)
            return self.render_to_response(self.get_context_data(form=form, draft_saved=True), status=400)
        except TaskNotAvailable:
            messages.warning(request, _("This lesson was already submitted by someone else."))
            return redirect(self.submission.get_absolute_url())
        messages.success(request, _("Your lesson was submitted. The coalition will review it."))
        return redirect(self.submission.get_absolute_url())


class ReviewView(LessonTaskMixin, TaskPageView):
    """The paired organisation (or the programme office) takes the review, then approves, asks for
    changes or declines."""

    template_name = "workflows/sharing/task_review.html"
    form_class = LessonReviewForm
    released_url = "lessons:list"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            version=self.submission.versions.select_related("submitted_by").first(),
            attachments=self.submission.attachments.all(),
        )
        return context

    def complete(self, form):
        services.review_complete(task=self.task, user=self.request.user, **form.cleaned_data)

    def success_message(self, form) -> str:
        outcome = form.cleaned_data["outcome"]
        if outcome == "approve":
            return _("The lesson was approved and published.")
        if outcome == "changes":
            return _("Your request for changes was sent to the region.")
        return _("The lesson was declined and the region was informed.")
