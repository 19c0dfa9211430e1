"""The enrolment flow: a region applies, the programme office does intake, assigned coalition
member organisations review in parallel, the programme office decides.

Node names are machine names stored in task rows (renaming one needs a data migration); only the
annotations are translated. Every state change runs through workflows.enrolment.services under the
process lock.
"""

from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import nodes

from workflows.core.flows import PortalFlow
from workflows.core.nodes import PortalTask
from workflows.enrolment.models import EnrolmentProcess, Review


class EnrolmentFlow(PortalFlow):
    process_class = EnrolmentProcess
    process_title = _("Enrolment")
    process_description = _("A region applies to become an inspiratieregio.")

    start = nodes.StartHandle(this.start_process).Next(this.intake)

    intake = (
        PortalTask("workflows.enrolment.views.IntakeView")
        .Annotation(title=_("Intake"), description=_("Check the application is complete and assign reviewers."))
        .onCreate(this.task_created)
        .Next(this.check_intake)
    )
    check_intake = (
        nodes.If(lambda activation: activation.process.intake_outcome == "complete")
        .Then(this.split_reviews)
        .Else(this.revise)
    )
    # One review task per assigned organisation (one to three); each task is linked to its Review
    # row when it is created (services.task_created), in the order of the rows.
    split_reviews = (
        nodes.Split()
        .Next(this.review, case=lambda activation: _review_count(activation) >= 1)
        .Next(this.review, case=lambda activation: _review_count(activation) >= 2)
        .Next(this.review, case=lambda activation: _review_count(activation) >= 3)
    )
    review = (
        PortalTask("workflows.enrolment.views.ReviewView")
        .Annotation(title=_("Review"), description=_("Give a recommendation with a motivation."))
        .onCreate(this.task_created)
        .Next(this.join_reviews)
    )
    join_reviews = nodes.Join().Next(this.decide)
    decide = (
        PortalTask("workflows.enrolment.views.DecisionView")
        .Annotation(title=_("Decision"), description=_("Accept, reject, or ask the region for changes."))
        .onCreate(this.task_created)
        .Next(this.check_decision)
    )
    check_decision = (
        nodes.Switch()
        .Case(this.revise, lambda activation: activation.process.decision_outcome == "changes")
        .Default(this.end)
    )
    revise = (
        PortalTask("workflows.enrolment.views.ReviseView")
        .Annotation(title=_("Revision"), description=_("The region completes or changes its application."))
        .Assign(lambda activation: activation.process.enrolment_application.applicant)
        .onCreate(this.task_created)
        .Next(this.intake)
    )
    end = nodes.End()


def _review_count(activation):
    application = activation.process.enrolment_application
    return Review.objects.filter(application=application, round=application.round).count()
