from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    """Progress reporting: rounds, reports, their review, reminders and the national overview."""

    name = "workflows.reporting"
    label = "reporting"
    verbose_name = _("Progress reports")

    def ready(self):
        # Register with the layers below, which know no flow: the task core, and the exports.
        from learning import exports as learning_exports
        from workflows.core import registry
        from workflows.reporting import access, exports, selectors, services
        from workflows.reporting.flows import ReportingFlow
        from workflows.reporting.models import ProgressReport

        registry.register(
            registry.FlowEntry(
                flow_class=ReportingFlow,
                context_name="report",
                record_model=ProgressReport,
                tasks_for=access.tasks_for,
                on_task_created=services.task_created,
                label=_("Progress report"),
                record_related=("region", "round"),
                portal_links=selectors.portal_links,
            )
        )
        learning_exports.register("reports", exports.report_rows)
