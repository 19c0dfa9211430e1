from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from workflows.reporting.models import ReportingRound


class ReportingRoundViewSet(SnippetViewSet):
    """Reporting rounds (the programme office can also set them in the portal, where it opens them)."""

    model = ReportingRound
    icon = "date"
    menu_label = _("Reporting rounds")
    list_display = ["name", "period_start", "period_end", "opens_on", "due_on", "opened_at"]
    search_fields = ["name"]
    add_to_admin_menu = False


register_snippet(ReportingRoundViewSet)


@hooks.register("register_log_actions")
def register_reporting_log_actions(actions):
    actions.register_action("reporting.round_save", _("Save reporting round"), _("Reporting round saved"))
    actions.register_action("reporting.round_open", _("Open reporting round"), _("Reporting round opened"))
    actions.register_action("reporting.report_save", _("Save progress report"), _("Progress report draft saved"))
    actions.register_action("reporting.report_submit", _("Submit progress report"), _("Progress report submitted"))
    actions.register_action("reporting.report_review", _("Review progress report"), _("Progress report reviewed"))
