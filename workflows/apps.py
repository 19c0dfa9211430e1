from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowsConfig(AppConfig):
    """The viewflow processes (enrolment, progress reporting, experience sharing) and their views."""

    name = "workflows"
    verbose_name = _("Workflows")

    def ready(self):
        # Import the flows so viewflow registers their nodes and permissions at start-up.
        from workflows import flows, lessons, reporting  # noqa: F401
