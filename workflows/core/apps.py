from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowCoreConfig(AppConfig):
    """What every workflow shares: the task node and page, taking and giving back tasks, versions and
    timelines, the e-mail queue and the portal's start page. It knows no particular flow: each flow
    package registers itself here (workflows.core.registry) in its own AppConfig.ready."""

    name = "workflows.core"
    label = "workflows_core"
    verbose_name = _("Workflows")
