"""Portal pages of the reporting flow: the overview (scoped), rounds (programme office), a report
with its versions and timeline, a region's progress over the rounds, and the flow's task pages.
Views validate input, call one service or selector and render; rights come from
workflows.reporting.access."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from learning import charts
from learning import selectors as learning_selectors
from learning.models import RegionAdvice
from regions import access as region_access
from regions.mixins import ActionRequiredMixin
from workflows.core.services import TaskNotAvailable
from workflows.core.views import TaskPageMixin, TaskPageView, error_messages
from workflows.reporting import access, selectors, services
from workflows.reporting.forms import (
    NarrativeForm,
    ReportForm,
    ReportIndicatorFormSet,
    ReportingRoundForm,
    ReportReviewForm,
)
from workflows.reporting.models import ProgressReport, ReportEvent, ReportingRound


class OverviewView(ActionRequiredMixin, TemplateView):
    """Everything about progress reports the user may see: open tasks, progress per advice across
    the regions in scope, reports per state, the overdue list, and (office) the rounds."""

    template_name = "workflows/reporting/overview.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        context = super().get_context_data(**kwargs)
        context.update(selectors.overview(user=user))
        context["progress_chart"] = charts.national_progress_chart(context["progress"])
        return context


class RoundFormView(ActionRequiredMixin, TemplateView):
    """Create a reporting round, or change one and open it (programme office)."""

    template_name = "workflows/reporting/round_form.html"

    def load_objects(self, **kwargs):
        if not access.can_report(self.request.user, access.REPORT_MANAGE):
            raise PermissionDenied
        self.round = get_object_or_404(ReportingRound, pk=kwargs["pk"]) if "pk" in kwargs else None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", ReportingRoundForm(instance=self.round))
        context["round"] = self.round
        if self.round is not None:
            reports = self.round.reports.select_related("region").order_by("region__name")
            context["reports"] = reports
            context["per_state"] = selectors.reports_per_state(self.round.reports.all())
        return context

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") == "open" and self.round is not None:
            created = services.round_open(reporting_round=self.round, by=request.user)
            messages.success(request, _("The round is open: %(count)s reports were created.") % {"count": created})
            return redirect("reports:round_edit", pk=self.round.pk)
        form = ReportingRoundForm(request.POST, instance=self.round)
        if form.is_valid():
            try:
                saved = services.reporting_round_save(
                    reporting_round=self.round, data=form.cleaned_data, by=request.user
                )
            except ValidationError as error:
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                messages.success(request, _("The reporting round was saved."))
                return redirect("reports:round_edit", pk=saved.pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ReportDetailView(ActionRequiredMixin, TemplateView):
    """A report: the latest submitted version, the timeline and the list of versions."""

    template_name = "workflows/reporting/report_detail.html"

    def load_objects(self, **kwargs):
        self.report = get_object_or_404(
            access.reports_for(self.request.user, access.REPORT_VIEW).select_related("region", "round"),
            pk=kwargs["pk"],
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        versions = list(self.report.versions.select_related("submitted_by"))
        context.update(
            report=self.report,
            version=versions[0] if versions else None,
            versions=versions,
            events=self.report.events.select_related("actor"),
            my_tasks=selectors.report_tasks(self.report, user=self.request.user),
            can_edit=access.can_report(self.request.user, access.REPORT_EDIT, self.report),
        )
        return context


class VersionDetailView(ReportDetailView):
    template_name = "workflows/reporting/version_detail.html"

    def load_objects(self, **kwargs):
        super().load_objects(**kwargs)
        self.version = get_object_or_404(self.report.versions.select_related("submitted_by"), number=kwargs["number"])

    def get_context_data(self, **kwargs):
        return {"view": self, "report": self.report, "version": self.version}


class RegionProgressView(ActionRequiredMixin, TemplateView):
    """A region's checklist progress per advice over the rounds (from the reports' snapshots)."""

    template_name = "workflows/reporting/region_progress.html"

    def load_objects(self, **kwargs):
        self.region = get_object_or_404(
            region_access.regions_for(self.request.user, region_access.REGION_VIEW), slug=kwargs["slug"]
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        reports, trends = selectors.region_progress_over_rounds(self.region)
        context.update(
            region=self.region,
            reports=reports,
            trends=trends,
            chart=charts.rounds_trend_chart(reports, trends),
        )
        return context


# --- Task pages (the flow's node views; see workflows.core.nodes.PortalTask) ----------------------------
class ReportTaskMixin(TaskPageMixin):
    @property
    def report(self) -> ProgressReport:
        return self.record

    def record_title(self) -> str:
        return f"{self.report.region.name}, {self.report.round.name}"


class FillView(ReportTaskMixin, TemplateView):
    """The region's team writes the report (saved as a draft as often as they like) and submits it."""

    template_name = "workflows/reporting/task_fill.html"

    def _advices(self):
        return [
            ra.advice
            for ra in RegionAdvice.objects.filter(region=self.report.region)
            .select_related("advice")
            .order_by("-advice__is_core", "advice__number")
        ]

    def _forms(self, data=None, files=None):
        advices = self._advices()
        narratives = {n.advice_id: n for n in self.report.narratives.all()}
        report_form = ReportForm(data, files, initial={"next_steps": self.report.next_steps})
        narrative_forms = [
            (
                advice,
                NarrativeForm(
                    data,
                    prefix=f"advice-{advice.pk}",
                    initial={
                        key: getattr(narratives.get(advice.pk), key, "") for key in ("changed", "helped", "blocked")
                    },
                ),
            )
            for advice in advices
        ]
        indicator_initial = [
            {"school_type": i.school_type, "year": i.year, "value": i.value, "source": i.source}
            for i in self.report.indicators.all()
        ]
        indicator_initial += [{} for _index in range(3)]  # room for new values
        if data is None:
            formset = ReportIndicatorFormSet(prefix="indicators", initial=indicator_initial)
        else:
            formset = ReportIndicatorFormSet(data, prefix="indicators")
        return report_form, narrative_forms, formset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if "report_form" not in context:
            context["report_form"], context["narrative_forms"], context["indicator_formset"] = self._forms()
        questions = self.report.events.filter(kind=ReportEvent.Kind.QUESTIONS).order_by("-created_at", "-pk").first()
        context["has_errors"] = bool(
            context["report_form"].errors
            or context["indicator_formset"].total_error_count()
            or any(form.errors for _advice, form in context["narrative_forms"])
        )
        context.update(
            questions=questions if self.report.state == ProgressReport.State.QUESTIONS else None,
            checklists=learning_selectors.region_checklists(self.report.region),
            documents=self.report.documents.all(),
            missing=services.report_missing(self.report),
        )
        return context

    def get(self, request, *args, **kwargs):
        if self.done or not self.report.is_editable:
            messages.info(request, _("This report was already submitted."))
            return redirect(self.report.get_absolute_url())
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.done or not self.report.is_editable:
            messages.info(request, _("This report was already submitted."))
            return redirect(self.report.get_absolute_url())
        report_form, narrative_forms, formset = self._forms(request.POST, request.FILES)
        forms_valid = [report_form.is_valid(), formset.is_valid()] + [f.is_valid() for _a, f in narrative_forms]
        context = {"report_form": report_form, "narrative_forms": narrative_forms, "indicator_formset": formset}
        if not all(forms_valid):
            return self.render_to_response(self.get_context_data(**context), status=400)
        appendix = report_form.cleaned_data.get("appendix")
        try:
            services.report_draft_save(
                report=self.report,
                user=request.user,
                next_steps=report_form.cleaned_data["next_steps"],
                narratives={advice.pk: form.cleaned_data for advice, form in narrative_forms},
                indicators=[f.cleaned_data for f in formset.forms if f.is_filled],
                files=[appendix] if appendix else [],
            )
        except ValidationError as error:
            for message in error_messages(error):
                report_form.add_error(None, message)
            return self.render_to_response(self.get_context_data(**context), status=400)
        if request.POST.get("action") != "submit":
            messages.success(request, _("Your draft was saved."))
            return redirect(request.path)
        self.report.refresh_from_db()
        try:
            services.report_submit(report=self.report, user=request.user)
        except ValidationError as error:
            # The draft is saved; the page says what is still missing.
            self.report.refresh_from_db()
            for message in error_messages(error):
                report_form.add_error(None, message)
            return self.render_to_response(self.get_context_data(draft_saved=True, **context), status=400)
        except TaskNotAvailable:
            messages.warning(request, _("This report was already submitted by someone else."))
            return redirect(self.report.get_absolute_url())
        messages.success(request, _("Your report was submitted. The coalition will review it."))
        return redirect(self.report.get_absolute_url())


class ReviewView(ReportTaskMixin, TaskPageView):
    """The paired organisation (or the programme office) takes the review, then accepts the report or
    sends questions back."""

    template_name = "workflows/reporting/task_review.html"
    form_class = ReportReviewForm
    released_url = "reports:overview"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["version"] = self.report.versions.select_related("submitted_by").first()
        return context

    def complete(self, form):
        services.review_complete(task=self.task, user=self.request.user, **form.cleaned_data)

    def success_message(self, form) -> str:
        if form.cleaned_data["outcome"] == "accept":
            return _("The report was accepted and the region was informed.")
        return _("Your questions were sent to the region.")
