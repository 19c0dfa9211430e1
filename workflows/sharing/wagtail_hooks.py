from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_sharing_log_actions(actions):
    actions.register_action("sharing.lesson_start", _("Start lesson"), _("Lesson started"))
    actions.register_action("sharing.lesson_upload", _("Add file to lesson"), _("File added to lesson"))
    actions.register_action("sharing.lesson_submit", _("Submit lesson"), _("Lesson submitted"))
    actions.register_action("sharing.lesson_review", _("Review lesson"), _("Lesson reviewed"))
    actions.register_action("sharing.lesson_correct", _("Correct lesson"), _("Lesson correction started"))
