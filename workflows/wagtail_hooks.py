from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_workflow_log_actions(actions):
    actions.register_action("workflows.register", _("Register to apply"), _("Applicant account registered"))
    actions.register_action("workflows.register_confirm", _("Confirm e-mail"), _("Applicant e-mail confirmed"))
    actions.register_action("workflows.invite", _("Invite applicant"), _("Region coordinator invited"))
    actions.register_action("workflows.application_create", _("Start application"), _("Application started"))
    actions.register_action("workflows.submitted", _("Submit application"), _("Application submitted"))
    actions.register_action("workflows.resubmitted", _("Resubmit application"), _("Application resubmitted"))
    actions.register_action("workflows.intake", _("Intake"), _("Intake recorded"))
    actions.register_action("workflows.review", _("Review"), _("Review recorded"))
    actions.register_action("workflows.decision", _("Decide on application"), _("Decision recorded"))
    actions.register_action("workflows.task_claim", _("Take task"), _("Task taken"))
    actions.register_action("workflows.task_release", _("Give task back"), _("Task given back"))
    actions.register_action("workflows.comment", _("Post message"), _("Message posted"))
    actions.register_action("workflows.document_remove", _("Remove document"), _("Document removed"))
