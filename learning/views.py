"""The region workspace: checklists per advice, and the form and history of one item."""

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import get_language
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
from regions.models import Region


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


CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class ExportView(ActionRequiredMixin, View):
    """Download an export (learning.exports.EXPORTS) of everything the user may see, as CSV or XLSX."""

    def get(self, request, what, fmt):
        if what not in exports.EXPORTS or fmt not in CONTENT_TYPES:
            raise Http404
        header, rows = exports.EXPORTS[what](request.user)
        body = exports.to_csv(header, rows) if fmt == "csv" else exports.to_xlsx(header, rows, what)
        log(real_user(request.user), "learning.export", user=request.user, data={"export": what, "format": fmt})
        response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
        response["Content-Disposition"] = f'attachment; filename="{what}-{timezone.localdate():%Y%m%d}.{fmt}"'
        return response


PUBLIC_CACHE_SECONDS = 300
PUBLIC_CACHE_KEY = "learning:public_progress:{language}"


class PublicProgressView(TemplateView):
    """The public, aggregated view of national progress (no region or person names): per advice the
    number of regions working on it and the share of their steps per status.

    The numbers are cached briefly (``PUBLIC_CACHE_SECONDS``) as data, not as a page: the page
    carries a per-visitor CSRF token (language switch), which must never be shared."""

    template_name = "learning/public_progress.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        key = PUBLIC_CACHE_KEY.format(language=get_language())
        data = cache.get(key)
        if data is None:
            active = Region.objects.filter(status=Region.Status.ACTIVE)
            progress = [entry for entry in selectors.national_progress(active) if entry.regions]
            data = {
                "progress": progress,
                "region_count": active.count(),
                "chart": charts.national_progress_chart(progress),
            }
            cache.set(key, data, PUBLIC_CACHE_SECONDS)
        context.update(data)
        return context


public_progress = PublicProgressView.as_view()
