from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowsConfig(AppConfig):
    """The viewflow processes (enrolment, progress reporting, experience sharing) and their views."""

    name = "workflows"
    verbose_name = _("Workflows")
