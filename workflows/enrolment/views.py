"""Portal pages of the enrolment process. Views validate input, call one service or selector and
render; who may do what comes from workflows.enrolment.access."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView
from django_filters.views import FilterView
from viewflow.workflow.status import STATUS

from regions.models import User
from workflows.core.nodes import task_url
from workflows.core.services import TaskNotAvailable
from workflows.core.views import TaskPageMixin, TaskPageView, error_messages
from workflows.enrolment import access, registration, selectors, services
from workflows.enrolment.filters import ApplicationFilterSet
from workflows.enrolment.forms import (
    ApplicationForm,
    CommentForm,
    DecisionForm,
    IntakeForm,
    InviteForm,
    RegionNameForm,
    RegisterForm,
    ReviewForm,
)
from workflows.enrolment.models import EnrolmentApplication


class PortalMixin(LoginRequiredMixin):
    """Anonymous visitors go to the login page; users without the right get 403; objects outside
    the user's scope answer 404 (they are loaded from access-scoped querysets)."""

    def allowed(self, user) -> bool:
        return access.can_application(user, access.APPLICATION_VIEW)

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not self.allowed(request.user):
            raise PermissionDenied
        self.load_objects(**kwargs)
        return super().dispatch(request, *args, **kwargs)

    def load_objects(self, **kwargs):
        """Fetch the view's objects from access-scoped querysets."""


class InboxView(PortalMixin, TemplateView):
    template_name = "workflows/enrolment/inbox.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        context = super().get_context_data(**kwargs)
        context.update(
            tasks=selectors.inbox_tasks(user=user),
            can_start=access.can_application(user, access.APPLICATION_START),
            can_manage=access.can_application(user, access.APPLICATION_MANAGE),
            own_applications=list(
                EnrolmentApplication.objects.filter(applicant=user).select_related("region").order_by("-pk")
            ),
        )
        return context


class ApplicationListView(PortalMixin, FilterView):
    template_name = "workflows/enrolment/application_list.html"
    filterset_class = ApplicationFilterSet
    paginate_by = 25
    context_object_name = "applications"

    def get_queryset(self):
        return selectors.application_list(user=self.request.user)

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        kwargs["user"] = self.request.user
        return kwargs


class ApplicationStartView(PortalMixin, FormView):
    template_name = "workflows/enrolment/application_start.html"
    form_class = RegionNameForm

    def allowed(self, user):
        return access.can_application(user, access.APPLICATION_START)

    def form_valid(self, form):
        try:
            application = services.application_create(
                applicant=self.request.user, region_name=form.cleaned_data["region_name"]
            )
        except ValidationError as error:
            form.add_error("region_name", error_messages(error))
            return self.form_invalid(form)
        messages.success(self.request, _("Your draft application was created. Fill it in and save as you go."))
        return redirect("enrolment:application_edit", pk=application.pk)


class ApplicationFormMixin:
    """The application form: save a draft, remove a document, or submit."""

    template_name = "workflows/enrolment/application_form.html"

    def render_form(self, form, status=200, **extra):
        context = {
            "application": self.application,
            "form": form,
            "documents": selectors.application_documents(self.application),
            "missing": services.application_missing(self.application),
            **extra,
        }
        return self.render_to_response(self.get_context_data(**context), status=status)

    def get(self, request, *args, **kwargs):
        return self.render_form(ApplicationForm(initial=ApplicationForm.initial_for(self.application)))

    def post(self, request, *args, **kwargs):
        self.application.refresh_from_db(fields=["status"])
        if not self.application.is_editable:  # submitted by a click a moment earlier
            messages.info(request, _("This application was already submitted."))
            return redirect(self.application.get_absolute_url())
        form = ApplicationForm(request.POST, request.FILES)
        valid = form.is_valid()
        saved = False
        try:
            # Nothing typed is lost: the fields and files that are valid are saved in the draft even
            # when other fields (or a refused upload) have errors; the form shows all that was typed.
            # (After is_valid(), cleaned_data holds only the fields without errors.)
            services.application_save(
                application=self.application, user=request.user, data=form.cleaned_data, files=form.valid_files
            )
            saved = True
        except ValidationError as error:
            field = "region_name" if "region_name" in getattr(error, "error_dict", {}) else None
            for message in error_messages(error):
                form.add_error(field, message)
            valid = False
        if not valid:
            stored = [f.name for f in form.valid_files] if saved else []
            lost = [f.name for f in form.valid_files if f.name not in stored]
            return self.render_form(form, status=400, kept_files=stored, lost_files=lost, partly_saved=saved)
        if request.POST.get("remove_document"):
            try:
                document_id = int(request.POST["remove_document"])
            except ValueError:
                raise Http404 from None
            services.application_document_remove(
                application=self.application, user=request.user, document_id=document_id
            )
            messages.success(request, _("The document was removed."))
            return redirect(request.path)
        if request.POST.get("action") == "submit":
            self.application.refresh_from_db()
            try:
                services.application_submit(application=self.application, user=request.user)
            except ValidationError as error:
                return self.render_form(form, status=400, submit_errors=error_messages(error))
            except TaskNotAvailable:
                messages.info(request, _("This application was already submitted."))
                return redirect(self.application.get_absolute_url())
            messages.success(request, _("Your application was submitted. The programme office will do the intake."))
            return redirect(self.application.get_absolute_url())
        messages.success(request, _("Your draft was saved."))
        return redirect(request.path)


class ApplicationEditView(PortalMixin, ApplicationFormMixin, TemplateView):
    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except Http404:
            # A second click on "submit" arrives after the first has been handled: the applicant's
            # own application is no longer editable; show it, with a word why, not an error page.
            own = access.applications_for(request.user, access.APPLICATION_VIEW).filter(
                pk=kwargs["pk"], applicant_id=request.user.pk
            )
            if request.method == "POST" and request.user.is_authenticated and own.exists():
                messages.info(request, _("This application was already submitted."))
                return redirect(own.get().get_absolute_url())
            raise

    def load_objects(self, **kwargs):
        self.application = get_object_or_404(
            access.applications_for(self.request.user, access.APPLICATION_EDIT).select_related("region"),
            pk=kwargs["pk"],
        )

    def get(self, request, *args, **kwargs):
        revise = [t for t in selectors.application_tasks(self.application, user=request.user)]
        if self.application.status == EnrolmentApplication.Status.CHANGES_REQUESTED and revise:
            return redirect(task_url(revise[0]))
        return super().get(request, *args, **kwargs)


class ApplicationDetailView(PortalMixin, TemplateView):
    template_name = "workflows/enrolment/application_detail.html"

    def load_objects(self, **kwargs):
        self.application = selectors.application_detail(user=self.request.user, pk=kwargs["pk"])
        if self.application is None:
            raise Http404

    def get_context_data(self, **kwargs):
        user = self.request.user
        application = self.application
        internal = access.can_application(user, access.APPLICATION_INTERNAL, application)
        context = super().get_context_data(**kwargs)
        context.update(
            application=application,
            internal=internal,
            can_edit=access.can_application(user, access.APPLICATION_EDIT, application),
            can_comment=access.can_application(user, access.APPLICATION_COMMENT, application),
            documents=selectors.application_documents(application),
            versions=list(application.versions.all()),
            timeline=selectors.application_timeline(application, internal=internal),
            reviews=selectors.application_reviews(application) if internal else [],
            comments=selectors.application_comments(application, internal=internal),
            my_tasks=selectors.application_tasks(application, user=user),
            open_steps=selectors.application_open_steps(application),
            comment_form=kwargs.get("comment_form") or CommentForm(),
        )
        return context

    def post(self, request, *args, **kwargs):
        if not access.can_application(request.user, access.APPLICATION_COMMENT, self.application):
            raise PermissionDenied
        form = CommentForm(request.POST)
        if form.is_valid():
            internal = form.cleaned_data["internal"]
            if internal and not access.can_application(request.user, access.APPLICATION_INTERNAL, self.application):
                raise PermissionDenied
            services.comment_add(
                application=self.application, user=request.user, body=form.cleaned_data["body"], internal=internal
            )
            messages.success(request, _("Your note was added.") if internal else _("Your message was posted."))
            return redirect(self.application.get_absolute_url() + "#comments-title")
        return self.render_to_response(self.get_context_data(comment_form=form), status=400)


class VersionDetailView(PortalMixin, TemplateView):
    template_name = "workflows/enrolment/version_detail.html"

    def load_objects(self, **kwargs):
        self.application = selectors.application_detail(user=self.request.user, pk=kwargs["pk"])
        if self.application is None:
            raise Http404
        self.version = get_object_or_404(self.application.versions, number=kwargs["number"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(application=self.application, version=self.version, **kwargs)


class InviteView(PortalMixin, FormView):
    template_name = "workflows/enrolment/invite.html"
    form_class = InviteForm

    def allowed(self, user):
        return access.can_application(user, access.APPLICATION_MANAGE)

    def form_valid(self, form):
        try:
            registration.applicant_invite(**form.cleaned_data, by=self.request.user)
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(email)s was invited to apply for %(region)s.")
            % {"email": form.cleaned_data["email"], "region": form.cleaned_data["region_name"]},
        )
        return redirect("enrolment:inbox")


class RegisterView(FormView):
    """Self-registration for a region coordinator; the account stays inactive until the e-mail is confirmed."""

    template_name = "workflows/enrolment/register.html"
    form_class = RegisterForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return redirect("enrolment:application_start")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            registration.applicant_register(
                first_name=data["first_name"],
                last_name=data["last_name"],
                email=data["email"],
                password=data["password1"],
                region_name=data["region_name"],
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
            return self.form_invalid(form)
        return redirect("enrolment:register_done")


class RegisterDoneView(TemplateView):
    template_name = "workflows/enrolment/register_done.html"


class RegisterConfirmView(TemplateView):
    """The link in the confirmation e-mail. Opening it only shows a button: mail scanners that open
    links must not confirm an address; the person's own click (a POST) does."""

    template_name = "workflows/enrolment/register_confirm.html"

    def _user(self, uidb64, token):
        try:
            user = User.objects.get(pk=int(force_str(urlsafe_base64_decode(uidb64))))
        except (TypeError, ValueError, OverflowError, User.DoesNotExist):
            return None
        if user.is_active or not default_token_generator.check_token(user, token):
            return None
        return user

    def get(self, request, uidb64, token, *args, **kwargs):
        if self._user(uidb64, token) is None:
            return self.render_to_response({"invalid": True}, status=400)
        return self.render_to_response({"invalid": False, "region_name": request.GET.get("regio", "")[:100]})

    def post(self, request, uidb64, token, *args, **kwargs):
        user = self._user(uidb64, token)
        application = None
        if user is not None:
            try:
                application = registration.applicant_confirm(
                    user=user, token=token, region_name=request.GET.get("regio", "")[:100] or str(user)
                )
            except ValidationError:
                application = None
        if application is None:
            return self.render_to_response({"invalid": True}, status=400)
        messages.success(request, _("Your e-mail address is confirmed. Sign in to fill in your application."))
        return redirect(reverse("login") + "?next=" + application.get_absolute_url())


# --- Task pages (the flow's node views; see workflows.core.nodes.PortalTask) ----------------------------
class TaskView(TaskPageView):
    """A task page of the enrolment flow, with the application and its documents."""

    released_url = "enrolment:inbox"

    @property
    def application(self) -> EnrolmentApplication:
        return self.record

    def record_title(self) -> str:
        return self.application.region.name

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["documents"] = selectors.application_documents(self.application)
        return context

    def success_message(self, form) -> str:
        return self.success_text


class IntakeView(TaskView):
    template_name = "workflows/enrolment/task_intake.html"
    form_class = IntakeForm
    success_text = gettext_lazy("The intake was recorded.")

    def complete(self, form):
        data = form.cleaned_data
        if data["outcome"] == "complete":
            services.intake_complete(
                task=self.task,
                user=self.request.user,
                organisations=list(data["organisations"]),
                connector=data["connector"],
                motivation=data["motivation"],
            )
        else:
            services.intake_incomplete(task=self.task, user=self.request.user, motivation=data["motivation"])


class ReviewView(TaskView):
    template_name = "workflows/enrolment/task_review.html"
    form_class = ReviewForm
    success_text = gettext_lazy("Your review was recorded. Thank you.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["review"] = getattr(self.task, "enrolment_review", None)
        return context

    def complete(self, form):
        services.review_submit(task=self.task, user=self.request.user, **form.cleaned_data)


class DecisionView(TaskView):
    template_name = "workflows/enrolment/task_decide.html"
    form_class = DecisionForm
    success_text = gettext_lazy("The decision was recorded and the region was informed.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["reviews"] = list(
            self.application.reviews.filter(round=self.application.round).select_related("organisation", "reviewer")
        )
        return context

    def complete(self, form):
        services.decision_make(task=self.task, user=self.request.user, **form.cleaned_data)


class ReviseView(TaskPageMixin, ApplicationFormMixin, View):
    """The region changes its returned application and submits it again (the flow's revise task)."""

    @property
    def application(self) -> EnrolmentApplication:
        return self.record

    def get_context_data(self, **kwargs):
        last = self.application.events.order_by("-created_at", "-pk").first()
        return {"view": self, "task": self.task, "return_message": last.motivation if last else "", **kwargs}

    def render_to_response(self, context, status=200):
        return TemplateResponse(self.request, self.template_name, context, status=status)

    def dispatch(self, request, *args, **kwargs):
        if self.task.status not in (STATUS.ASSIGNED, STATUS.NEW):
            messages.info(request, _("This application was already resubmitted."))
            return redirect(self.application.get_absolute_url())
        return super().dispatch(request, *args, **kwargs)
