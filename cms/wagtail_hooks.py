from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.models import OrganisationLogo


class OrganisationLogoViewSet(SnippetViewSet):
    """Logos for the organisations on the "about the coalition" page (the organisations themselves
    are reference data: Snippets → Reference data → Organisations)."""

    model = OrganisationLogo
    icon = "image"
    menu_label = _("Organisation logos")
    list_display = ["organisation", "image"]
    search_fields = []
    add_to_admin_menu = False


register_snippet(OrganisationLogoViewSet)
