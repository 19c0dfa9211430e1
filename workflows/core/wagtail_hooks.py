from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_task_log_actions(actions):
    actions.register_action("workflows.task_claim", _("Take task"), _("Task taken"))
    actions.register_action("workflows.task_release", _("Give task back"), _("Task given back"))
