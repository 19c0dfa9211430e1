"""The region workspace: checklists per advice, and the form and history of one item."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from wagtail.log_actions import log

from learning import charts, exports, selectors, services
from learning.forms import ChecklistItemForm, IndicatorValueForm
from learning.models import ChecklistItem, RegionChecklistItem
from regions import access
from regions.audit import real_user
from regions.mixins import ActionRequiredMixin


class RegionWorkspaceMixin(ActionRequiredMixin):
    def load_objects(self, **kwargs):
        self.region = get_object_or_404(access.regions_for(self.request.user, access.REGION_VIEW), slug=kwargs["slug"])
        self.may = access.region_permissions(self.request.user, self.region)


class ChecklistView(RegionWorkspaceMixin, TemplateView):
    template_name = "learning/checklist.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        checklists = selectors.region_checklists(self.region)
        context.update(
            region=self.region, may=self.may, checklists=checklists, chart=charts.checklist_progress_chart(checklists)
        )
        return context


class ChecklistItemView(RegionWorkspaceMixin, TemplateView):
    template_name = "learning/checklist_item.html"

    def load_objects(self, **kwargs):
        super().load_objects(**kwargs)
        self.item = get_object_or_404(
            ChecklistItem.objects.select_related("advice").filter(
                is_active=True, advice__region_advices__region=self.region
            ),
            pk=kwargs["item_id"],
        )
        self.state = RegionChecklistItem.objects.filter(region=self.region, item=self.item).first()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = kwargs.get("form")
        if form is None and self.may["work"]:
            initial = (
                {
                    "status": self.state.status,
                    "explanation": self.state.explanation,
                    "evidence_url": self.state.evidence_url,
                }
                if self.state
                else {"status": "not_started"}
            )
            form = ChecklistItemForm(initial=initial)
        context.update(
            region=self.region,
            item=self.item,
            state=self.state,
            may=self.may,
            form=form,
            history=selectors.checklist_item_history(self.region, self.item),
        )
        return context

    def post(self, request, *args, **kwargs):
        if not self.may["work"]:
            raise PermissionDenied
        form = ChecklistItemForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.checklist_item_update(
                    region=self.region,
                    item=self.item,
                    status=form.cleaned_data["status"],
                    explanation=form.cleaned_data["explanation"],
                    evidence_url=form.cleaned_data["evidence_url"],
                    evidence_file=form.cleaned_data["evidence_file"],
                    user=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Saved. The change is kept in the history."))
                return redirect("learning:checklist", slug=self.region.slug)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class IndicatorView(RegionWorkspaceMixin, TemplateView):
    """A region's indicator values against the national figure, and (for the team) a form."""

    template_name = "learning/indicators.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        years, rows = selectors.region_indicators(self.region)
        form = kwargs.get("form") or (IndicatorValueForm() if self.may["work"] else None)
        context.update(
            region=self.region,
            may=self.may,
            years=years,
            rows=rows,
            form=form,
            chart=charts.indicator_chart(rows, years[-1] if years else None),
        )
        return context

    def post(self, request, *args, **kwargs):
        if not self.may["work"]:
            raise PermissionDenied
        form = IndicatorValueForm(request.POST)
        if form.is_valid():
            services.indicator_value_save(region=self.region, user=request.user, **form.cleaned_data)
            messages.success(request, _("The value was saved."))
            return redirect("learning:indicators", slug=self.region.slug)
        return self.render_to_response(self.get_context_data(form=form), status=400)


EXPORTS = {"checklists": exports.checklist_rows, "indicators": exports.indicator_rows}
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class ExportView(ActionRequiredMixin, View):
    """Download checklists or indicators of every region the user may see, as CSV or XLSX."""

    def get(self, request, what, fmt):
        if what not in EXPORTS or fmt not in CONTENT_TYPES:
            raise Http404
        header, rows = EXPORTS[what](request.user)
        body = exports.to_csv(header, rows) if fmt == "csv" else exports.to_xlsx(header, rows, what)
        log(real_user(request.user), "learning.export", user=request.user, data={"export": what, "format": fmt})
        response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
        response["Content-Disposition"] = f'attachment; filename="{what}-{timezone.localdate():%Y%m%d}.{fmt}"'
        return response
