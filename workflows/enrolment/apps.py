from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnrolmentConfig(AppConfig):
    """Enrolment: regions apply to become inspiratieregio's; intake, parallel reviews, decision."""

    name = "workflows.enrolment"
    label = "enrolment"
    verbose_name = _("Enrolment")

    def ready(self):
        # Register with the layers below, which know no flow: the task core, and the access primitives
        # (an applicant may use the portal; an application's readers may download its documents).
        from regions import access as region_access
        from workflows.core import registry
        from workflows.enrolment import access, selectors, services
        from workflows.enrolment.flows import EnrolmentFlow
        from workflows.enrolment.models import EnrolmentApplication

        registry.register(
            registry.FlowEntry(
                flow_class=EnrolmentFlow,
                context_name="application",
                record_model=EnrolmentApplication,
                tasks_for=access.tasks_for,
                on_task_created=services.task_created,
                label=_("Enrolment"),
                audit_object=lambda application: application,
                due_days=selectors.DUE_DAYS,
                portal_links=selectors.portal_links,
            )
        )
        region_access.add_portal_use_rule(access.has_application)
        region_access.add_document_rule(access.document_rule)
