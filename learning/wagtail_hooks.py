from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from learning.models import Advice


class AdviceViewSet(SnippetViewSet):
    model = Advice
    icon = "list-ol"
    menu_label = _("Advices")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["number", "short_title", "is_core"]
    search_fields = ["title", "short_title"]


register_snippet(AdviceViewSet)
