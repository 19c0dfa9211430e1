from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from regions.models import Municipality, Organisation, Region, Samenwerkingsverband


@hooks.register("register_log_actions")
def register_region_log_actions(actions):
    actions.register_action("regions.pair", _("Pair organisation"), _("Organisation paired with region"))
    actions.register_action("regions.unpair", _("Unpair organisation"), _("Organisation unpaired from region"))
    actions.register_action("regions.connector_set", _("Name coalition connector"), _("Coalition connector named"))
    actions.register_action(
        "regions.connector_unset", _("Remove coalition connector"), _("Coalition connector removed")
    )
    actions.register_action("regions.member_add", _("Add team member"), _("Team member added"))
    actions.register_action("regions.member_remove", _("Remove team member"), _("Team member removed"))
    actions.register_action("regions.status", _("Change region status"), _("Region status changed"))
    actions.register_action("regions.role_grant", _("Grant role"), _("Role granted"))
    actions.register_action("regions.role_revoke", _("Revoke role"), _("Role revoked"))
    actions.register_action("regions.document_add", _("Upload document"), _("Document uploaded"))
    actions.register_action("regions.login", _("Sign in"), _("Signed in"))
    actions.register_action("regions.person_export", _("Export personal data"), _("Personal data exported"))
    actions.register_action("regions.person_erase", _("Erase personal data"), _("Personal data erased"))
    actions.register_action("regions.logout", _("Sign out"), _("Signed out"))
    actions.register_action("regions.login_failed", _("Failed sign-in"), _("Sign-in failed"))
    actions.register_action("regions.2fa_enable", _("Enable two-step verification"), _("Two-step verification enabled"))
    actions.register_action("regions.2fa_pass", _("Two-step verification"), _("Second step passed"))
    actions.register_action("regions.2fa_fail", _("Failed two-step verification"), _("Wrong second-step code"))
    actions.register_action("regions.2fa_recovery_codes", _("New recovery codes"), _("Recovery codes renewed"))


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    menu_order = 210
    list_display = ["name", "short_name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    menu_label = _("Regions")
    list_display = ["name", "status", "province"]
    list_filter = ["status", "province"]
    search_fields = ["name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("status"),
        FieldPanel("province"),
        FieldPanel("round"),
        FieldPanel("summary"),
        FieldPanel("development_question"),
        FieldPanel("municipalities", widget=forms.CheckboxSelectMultiple),
        FieldPanel("samenwerkingsverbanden", widget=forms.CheckboxSelectMultiple),
        FieldPanel("partner_organisations"),
        FieldPanel("knowledge_contact"),
    ]


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    icon = "home"
    list_display = ["name", "cbs_code", "province"]
    list_filter = ["province"]
    search_fields = ["name", "cbs_code"]


class SamenwerkingsverbandViewSet(SnippetViewSet):
    model = Samenwerkingsverband
    icon = "form"
    list_display = ["name", "code", "sector"]
    list_filter = ["sector"]
    search_fields = ["name", "code"]


class ReferenceDataGroup(SnippetViewSetGroup):
    items = (OrganisationViewSet, RegionViewSet, MunicipalityViewSet, SamenwerkingsverbandViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Reference data")
    menu_name = "reference-data"
    menu_order = 300


register_snippet(ReferenceDataGroup)
