"""Wagtail hooks of the lessons (audit log actions). Imported by learning.lessons, so the actions are
registered whenever the models are loaded."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_lesson_actions(actions):
    actions.register_action("learning.lesson_start", _("Start lesson"), _("Lesson started"))
    actions.register_action("learning.lesson_upload", _("Add file to lesson"), _("File added to lesson"))
    actions.register_action("learning.lesson_submit", _("Submit lesson"), _("Lesson submitted"))
    actions.register_action("learning.lesson_review", _("Review lesson"), _("Lesson reviewed"))
    actions.register_action("learning.lesson_correct", _("Correct lesson"), _("Lesson correction started"))


def _register_snippets():
    """Themes are reference content: the programme office edits them in Wagtail admin (Snippets)."""
    from wagtail.snippets.models import register_snippet

    from learning.lessons import LessonTheme

    register_snippet(LessonTheme)


_register_snippets()
