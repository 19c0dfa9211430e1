"""The sharing flow: a region's team writes a lesson (``write``) and submits it; the region's paired
coalition organisation (or the programme office) reviews it (``review``): approved and published as a
public page, changes requested (back to the team: the loop, every version kept) or declined with a
motivation. A correction of a published lesson starts the flow again for the same lesson; its public
page is updated in place and keeps its URL.

The durable record is workflows.sharing.models.LessonSubmission, linked to viewflow's own Process.
The review outcome is kept in ``process.data``. Node names are machine names stored in task rows;
only annotations are translated. Every state change runs in workflows.sharing.services under the
process lock.
"""

from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import nodes

from workflows.core.flows import PortalFlow
from workflows.core.nodes import PortalTask


class LessonFlow(PortalFlow):
    process_title = _("Lesson")
    process_description = _("A region shares a lesson; the coalition reviews and publishes it.")

    start = nodes.StartHandle(this.start_process).Next(this.write)
    write = (
        PortalTask("workflows.sharing.views.WriteView")
        .Annotation(
            title=_("Write the lesson"),
            description=_("Describe the situation, what you did, what worked and what did not, and tips for others."),
        )
        .onCreate(this.task_created)
        .Next(this.review)
    )
    review = (
        PortalTask("workflows.sharing.views.ReviewView")
        .Annotation(
            title=_("Review the lesson"),
            description=_("Approve and publish the lesson, ask the region for changes, or decline it."),
        )
        .onCreate(this.task_created)
        .Next(this.check_review)
    )
    check_review = (
        nodes.If(lambda activation: activation.process.data.get("outcome") == "changes").Then(this.write).Else(this.end)
    )
    end = nodes.End()
