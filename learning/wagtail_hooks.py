from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from learning.models import Advice, ChecklistItem, ReportingRound


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


class ReportingRoundViewSet(SnippetViewSet):
    """Reporting rounds (the programme office can also set them in the portal, where it opens them)."""

    model = ReportingRound
    icon = "date"
    menu_label = _("Reporting rounds")
    list_display = ["name", "period_start", "period_end", "opens_on", "due_on", "opened_at"]
    search_fields = ["name"]


class AdvicesGroup(SnippetViewSetGroup):
    items = (AdviceViewSet, ChecklistItemViewSet, ReportingRoundViewSet)
    menu_icon = "list-ol"
    menu_label = _("Advices and checklists")
    menu_name = "advices"
    menu_order = 310


register_snippet(AdvicesGroup)


@hooks.register("register_log_actions")
def register_learning_log_actions(actions):
    actions.register_action("learning.advices_set", _("Set advices"), _("Advices of the region set"))
    actions.register_action("learning.checklist_update", _("Update checklist"), _("Checklist item updated"))
    actions.register_action("learning.indicator_save", _("Save indicator"), _("Indicator value saved"))
    actions.register_action("learning.export", _("Export"), _("Data exported"))
    actions.register_action("learning.round_save", _("Save reporting round"), _("Reporting round saved"))
    actions.register_action("learning.round_open", _("Open reporting round"), _("Reporting round opened"))
    actions.register_action("learning.report_save", _("Save progress report"), _("Progress report draft saved"))
    actions.register_action("learning.report_submit", _("Submit progress report"), _("Progress report submitted"))
    actions.register_action("learning.report_review", _("Review progress report"), _("Progress report reviewed"))
