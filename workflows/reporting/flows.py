"""The reporting flow: a round opens and each active region's progress report waits for its team
(``fill``); once submitted, the region's paired coalition organisation reviews it (``review``):
accepted, or questions back to the region, which answers and submits again (the loop).

The durable record is workflows.reporting.models.ProgressReport (with its versions and timeline),
linked to viewflow's own Process: this flow needs no process-local state besides the review outcome,
kept in ``process.data``. Node names are machine names stored in task rows; only the annotations are
translated. Every state change runs in workflows.reporting.services under the process lock.
"""

from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import nodes

from workflows.core.flows import PortalFlow
from workflows.core.nodes import PortalTask


class ReportingFlow(PortalFlow):
    process_title = _("Progress report")
    process_description = _("A region reports its progress in a reporting round.")

    start = nodes.StartHandle(this.start_process).Next(this.fill)
    fill = (
        PortalTask("workflows.reporting.views.FillView")
        .Annotation(
            title=_("Write the progress report"),
            description=_("Describe per advice what changed, what helped and what blocked, and the next steps."),
        )
        .onCreate(this.task_created)
        .Next(this.review)
    )
    review = (
        PortalTask("workflows.reporting.views.ReviewView")
        .Annotation(
            title=_("Review the progress report"),
            description=_("Accept the report, or send questions back to the region."),
        )
        .onCreate(this.task_created)
        .Next(this.check_review)
    )
    check_review = (
        nodes.If(lambda activation: activation.process.data.get("outcome") == "accept").Then(this.end).Else(this.fill)
    )
    end = nodes.End()
