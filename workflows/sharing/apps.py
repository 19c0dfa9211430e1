from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SharingConfig(AppConfig):
    """Experience sharing: regions write lessons, the coalition reviews and publishes them."""

    name = "workflows.sharing"
    label = "sharing"
    verbose_name = _("Lessons")

    def ready(self):
        # Register with the task core, which knows no flow.
        from workflows.core import registry
        from workflows.sharing import access, selectors, services
        from workflows.sharing.flows import LessonFlow
        from workflows.sharing.models import LessonSubmission

        registry.register(
            registry.FlowEntry(
                flow_class=LessonFlow,
                context_name="submission",
                record_model=LessonSubmission,
                tasks_for=access.tasks_for,
                on_task_created=services.task_created,
                label=_("Lesson"),
                record_related=("region", "page"),
                due_days={"write": 42, "review": 14},
                portal_links=selectors.portal_links,
            )
        )
