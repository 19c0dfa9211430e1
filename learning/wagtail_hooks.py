from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from learning.models import Advice, ChecklistItem, LessonTheme


class AdviceViewSet(SnippetViewSet):
    model = Advice
    icon = "list-ol"
    menu_label = _("Advices")
    list_display = ["number", "short_title", "is_core"]
    search_fields = ["title", "short_title"]


class ChecklistItemViewSet(SnippetViewSet):
    model = ChecklistItem
    icon = "tasks"
    menu_label = _("Checklist items")
    list_display = ["title", "advice", "position", "is_active"]
    list_filter = ["advice", "is_active"]
    search_fields = ["title"]


class AdvicesGroup(SnippetViewSetGroup):
    items = (AdviceViewSet, ChecklistItemViewSet)
    menu_icon = "list-ol"
    menu_label = _("Advices and checklists")
    menu_name = "advices"
    menu_order = 310


register_snippet(AdvicesGroup)
# Themes are reference content: the programme office edits them in Wagtail admin (Snippets).
register_snippet(LessonTheme)


@hooks.register("register_log_actions")
def register_learning_log_actions(actions):
    actions.register_action("learning.advices_set", _("Set advices"), _("Advices of the region set"))
    actions.register_action("learning.checklist_update", _("Update checklist"), _("Checklist item updated"))
    actions.register_action("learning.indicator_save", _("Save indicator"), _("Indicator value saved"))
    actions.register_action("learning.export", _("Export"), _("Data exported"))
