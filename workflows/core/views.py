"""Portal pages every flow shares: the task page (take a task, give it back, complete it) and the
start page "My workspace". Views validate input, call one service or selector and render."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from viewflow.workflow.status import STATUS

from regions import access
from regions import selectors as region_selectors
from regions.mixins import ActionRequiredMixin
from regions.roles import Role
from workflows.core import registry, services
from workflows.core.services import OPEN_TASK_STATUSES, TaskNotAvailable


def error_messages(error: ValidationError) -> list[str]:
    """The messages of a ValidationError, whether it names fields or not."""
    if hasattr(error, "message_dict"):
        return [m for messages_ in error.message_dict.values() for m in messages_]
    return error.messages


class TaskPageMixin:
    """A task page's task (``request.task``, already checked by the node's URL) and its flow's record."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.task = request.task
        self.entry = registry.entry_for_task(self.task)
        self.record = self.entry.record_for(self.task)

    @property
    def done(self) -> bool:
        return self.task.status not in OPEN_TASK_STATUSES

    @property
    def is_owner(self) -> bool:
        return self.task.owner_id == self.request.user.pk and self.task.status == STATUS.ASSIGNED

    def record_title(self) -> str:
        return str(self.record)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "task": self.task,
                "record": self.record,
                self.entry.context_name: self.record,
                "record_title": self.record_title(),
                "done": self.done,
            }
        )
        return context


class TaskPageView(TaskPageMixin, TemplateView):
    """One task page: take the task, give it back, or complete it with the node's form.

    A flow's page sets ``form_class``, ``released_url`` (where to go after giving the task back) and
    ``template_name`` (extending workflows/core/task_page.html), and implements ``complete(form)``."""

    form_class = None
    released_url = "portal:dashboard"

    def get_form(self, data=None):
        return self.form_class(data)

    def complete(self, form):
        raise NotImplementedError

    def success_message(self, form) -> str:
        return _("Done.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(is_owner=self.is_owner, can_claim=self.task.status == STATUS.NEW)
        if self.is_owner and "form" not in context:
            context["form"] = self.get_form()
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        try:
            if action == "claim":
                services.task_claim(task=self.task, user=request.user)
                messages.success(request, _("You took this task. Others in your organisation no longer see it."))
                return redirect(request.path)
            if action == "release":
                services.task_release(task=self.task, user=request.user)
                messages.success(request, _("You gave the task back."))
                return redirect(self.released_url)
            if not self.is_owner:
                raise TaskNotAvailable
            form = self.get_form(request.POST)
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(form=form), status=400)
            try:
                self.complete(form)
            except ValidationError as error:
                for message in error_messages(error):
                    form.add_error(None, message)
                return self.render_to_response(self.get_context_data(form=form), status=400)
        except TaskNotAvailable:
            messages.warning(request, _("This task was already taken or completed by someone else."))
            return redirect(self.record.get_absolute_url())
        messages.success(request, self.success_message(form))
        return redirect(self.record.get_absolute_url())


class DashboardView(ActionRequiredMixin, TemplateView):
    """The person's start page: who they are here, what every flow offers them, their regions."""

    template_name = "workflows/core/dashboard.html"
    REVIEW_REGIONS_SHOWN = 12

    def get_context_data(self, **kwargs):
        user = self.request.user
        roles = access.roles_of(user)
        context = super().get_context_data(**kwargs)
        reviews = access.can(user, access.REGION_REVIEW) and not access.can(user, access.REGION_MANAGE)
        review_regions = region_selectors.region_list(user=user, action=access.REGION_REVIEW) if reviews else None
        context.update(
            roles=[Role(role) for role in Role.values if role in roles],
            team_regions=list(
                region_selectors.region_list(user=user, action=access.REGION_WORK).filter(memberships__user=user)
            ),
            # The dashboard shows the first few; the region list has them all (paginated).
            review_regions=list(review_regions[: self.REVIEW_REGIONS_SHOWN]) if reviews else [],
            review_region_count=review_regions.count() if reviews else 0,
            status_counts=region_selectors.region_status_counts(user=user)
            if access.can(user, access.REGION_MANAGE)
            else None,
            can_manage=access.can(user, access.REGION_MANAGE),
            can_edit_cms=access.can(user, access.CMS_EDIT),
            can_view_audit=access.can(user, access.AUDIT_VIEW),
            can_view_organisation=user.organisation is not None
            and access.can(user, access.ORGANISATION_VIEW, user.organisation),
            flow_links=[link for entry in registry.entries() for link in entry.portal_links(user)],
        )
        return context
