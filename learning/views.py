"""The region workspace: checklists per advice, and the form and history of one item."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from learning import selectors, services
from learning.forms import ChecklistItemForm
from learning.models import ChecklistItem, RegionChecklistItem
from regions import access
from regions.mixins import ActionRequiredMixin


class RegionWorkspaceMixin(ActionRequiredMixin):
    def load_objects(self, **kwargs):
        self.region = get_object_or_404(access.regions_for(self.request.user, access.REGION_VIEW), slug=kwargs["slug"])
        self.may = access.region_permissions(self.request.user, self.region)


class ChecklistView(RegionWorkspaceMixin, TemplateView):
    template_name = "learning/checklist.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(region=self.region, may=self.may, checklists=selectors.region_checklists(self.region))
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
