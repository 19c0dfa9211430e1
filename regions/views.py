"""The portal ("Mijn omgeving"): dashboard, regions and organisations, scoped by regions.access."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from django_filters.views import FilterView
from wagtail.log_actions import log

from regions import access, privacy, selectors, services
from regions.audit import real_user
from regions.filters import AuditLogFilterSet, RegionFilterSet
from regions.forms import ConnectorForm, DocumentUploadForm, PairOrganisationForm, RegionStatusForm
from regions.mixins import ActionRequiredMixin
from regions.models import Organisation, User
from regions.roles import Role


class RegionListView(ActionRequiredMixin, FilterView):
    template_name = "regions/region_list.html"
    filterset_class = RegionFilterSet
    paginate_by = 25
    context_object_name = "regions"

    def get_queryset(self):
        return selectors.region_list(user=self.request.user)


class RegionDetailView(ActionRequiredMixin, TemplateView):
    template_name = "regions/region_detail.html"

    def get_context_data(self, **kwargs):
        region = selectors.region_detail(user=self.request.user, slug=kwargs["slug"])
        if region is None:
            raise Http404
        context = super().get_context_data(**kwargs)
        may = access.region_permissions(self.request.user, region)
        context.update(
            region=region,
            pairings=selectors.region_pairings(region),
            may=may,
            documents=selectors.region_documents(region),
            upload_form=DocumentUploadForm() if may["work"] else None,
        )
        return context


class RegionManageView(ActionRequiredMixin, TemplateView):
    """Programme office: status, paired member organisations and coalition connectors of a region."""

    template_name = "regions/region_manage.html"
    required_action = access.REGION_MANAGE

    def load_objects(self, **kwargs):
        self.region = get_object_or_404(
            access.regions_for(self.request.user, access.REGION_MANAGE), slug=kwargs["slug"]
        )

    def _forms(self, data=None, action=None):
        pairings = selectors.region_pairings(self.region)
        paired_ids = [p["organisation"].pk for p in pairings]

        def bound(name):
            return data if action == name else None

        return pairings, {
            "status_form": RegionStatusForm(bound("status"), initial={"status": self.region.status}, prefix="status"),
            "pair_form": PairOrganisationForm(bound("pair"), region=self.region, paired_ids=paired_ids, prefix="pair"),
            "connector_form": ConnectorForm(bound("connector"), paired_ids=paired_ids, prefix="connector"),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pairings, forms = kwargs.get("bound") or self._forms()
        context.update(region=self.region, pairings=pairings, **forms)
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action", "")
        handlers = {
            "status": self._post_status,
            "pair": self._post_pair,
            "unpair": self._post_unpair,
            "connector": self._post_connector,
            "unset_connector": self._post_unset_connector,
        }
        handler = handlers.get(action)
        if handler is None:
            messages.error(request, _("Unknown action."))
            return redirect("portal:region_manage", slug=self.region.slug)
        pairings, forms = self._forms(request.POST, action)
        try:
            done = handler(forms)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            done = False
        if done:
            return redirect("portal:region_manage", slug=self.region.slug)
        return self.render_to_response(self.get_context_data(bound=(pairings, forms)), status=400)

    def _post_status(self, forms):
        form = forms["status_form"]
        if not form.is_valid():
            return False
        services.region_set_status(region=self.region, status=form.cleaned_data["status"], by=self.request.user)
        messages.success(self.request, _("The status of %(region)s was changed.") % {"region": self.region})
        return True

    def _post_pair(self, forms):
        form = forms["pair_form"]
        if not form.is_valid():
            return False
        organisation = form.cleaned_data["organisation"]
        services.region_pair_organisation(region=self.region, organisation=organisation, by=self.request.user)
        messages.success(
            self.request, _("%(organisation)s is now paired with this region.") % {"organisation": organisation}
        )
        return True

    def _post_unpair(self, forms):
        organisation = get_object_or_404(Organisation, pk=self._int(self.request.POST.get("organisation")))
        services.region_unpair_organisation(region=self.region, organisation=organisation, by=self.request.user)
        messages.success(
            self.request, _("%(organisation)s is no longer paired with this region.") % {"organisation": organisation}
        )
        return True

    def _post_connector(self, forms):
        form = forms["connector_form"]
        if not form.is_valid():
            return False
        person = form.cleaned_data["user"]
        services.region_set_connector(region=self.region, user=person, by=self.request.user)
        messages.success(
            self.request, _("%(person)s is now a coalition connector of this region.") % {"person": person}
        )
        return True

    def _post_unset_connector(self, forms):
        person = get_object_or_404(User, pk=self._int(self.request.POST.get("user")))
        services.region_unset_connector(region=self.region, user=person, by=self.request.user)
        messages.success(
            self.request, _("%(person)s is no longer a coalition connector of this region.") % {"person": person}
        )
        return True

    @staticmethod
    def _int(value):
        try:
            return int(value)
        except (TypeError, ValueError):
            raise Http404 from None


class OrganisationDetailView(ActionRequiredMixin, TemplateView):
    template_name = "regions/organisation_detail.html"

    def get_context_data(self, **kwargs):
        organisation = selectors.organisation_detail(user=self.request.user, slug=kwargs["slug"])
        if organisation is None:
            raise Http404
        context = super().get_context_data(**kwargs)
        members = list(organisation.members.all())
        context.update(
            organisation=organisation,
            members=[(member, [Role(r) for r in selectors.member_roles(member)]) for member in members],
            paired_regions=list(selectors.organisation_paired_regions(organisation)),
        )
        return context


class RegionDocumentUploadView(ActionRequiredMixin, TemplateView):
    """A region team uploads a document to its region (shown on the region page)."""

    template_name = "regions/region_detail.html"

    def load_objects(self, **kwargs):
        self.region = get_object_or_404(access.regions_for(self.request.user, access.REGION_WORK), slug=kwargs["slug"])

    def get(self, request, *args, **kwargs):
        return redirect(self.region.get_absolute_url())

    def post(self, request, *args, **kwargs):
        form = DocumentUploadForm(request.POST, request.FILES)
        if form.is_valid():
            services.region_document_add(region=self.region, uploaded_file=form.cleaned_data["file"], user=request.user)
            messages.success(request, _("The document was uploaded."))
            return redirect(self.region.get_absolute_url() + "#documents-title")
        region = selectors.region_detail(user=request.user, slug=self.region.slug)
        context = {
            "region": region,
            "pairings": selectors.region_pairings(region),
            "may": access.region_permissions(request.user, region),
            "documents": selectors.region_documents(region),
            "upload_form": form,
        }
        return self.render_to_response(context, status=400)


@login_required
def document_download(request, pk):
    """The only way to fetch a private file: checked against regions.access, sent as an attachment."""
    document = get_object_or_404(access.documents_for(request.user), pk=pk)
    response = FileResponse(
        document.file.open("rb"), as_attachment=True, filename=document.name, content_type=document.content_type
    )
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


class AuditLogView(ActionRequiredMixin, FilterView):
    """The audit log for the programme office: append-only, filterable, paginated."""

    template_name = "regions/audit_log.html"
    required_action = access.AUDIT_VIEW
    filterset_class = AuditLogFilterSet
    paginate_by = 50
    context_object_name = "entries"

    def get_queryset(self):
        return selectors.audit_entries()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["failed_sign_ins"] = selectors.failed_sign_ins()
        return context


class MyDataView(ActionRequiredMixin, TemplateView):
    """Everyone may see, and download as JSON, what the platform holds about them (AVG)."""

    template_name = "regions/my_data.html"
    required_action = access.PORTAL_USE

    def get(self, request, *args, **kwargs):
        data = privacy.person_export(request.user)
        if request.GET.get("format") == "json":
            response = JsonResponse(data, json_dumps_params={"indent": 2, "ensure_ascii": False})
            response["Content-Disposition"] = f'attachment; filename="mijn-gegevens-{request.user.pk}.json"'
            log(real_user(request.user), "regions.person_export", user=request.user)
            return response
        return self.render_to_response(self.get_context_data(data=data, retention_days=privacy.RETENTION_DAYS))
