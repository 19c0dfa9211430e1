from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    """Advices, checklists, progress reports, lessons, the seven-step plan and indicators."""

    name = "learning"
    verbose_name = _("Learning")
