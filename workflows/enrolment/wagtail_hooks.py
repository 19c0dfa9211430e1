from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_enrolment_log_actions(actions):
    actions.register_action("enrolment.register", _("Register to apply"), _("Applicant account registered"))
    actions.register_action("enrolment.register_confirm", _("Confirm e-mail"), _("Applicant e-mail confirmed"))
    actions.register_action("enrolment.invite", _("Invite applicant"), _("Region coordinator invited"))
    actions.register_action("enrolment.application_create", _("Start application"), _("Application started"))
    actions.register_action("enrolment.submitted", _("Submit application"), _("Application submitted"))
    actions.register_action("enrolment.resubmitted", _("Resubmit application"), _("Application resubmitted"))
    actions.register_action("enrolment.intake", _("Intake"), _("Intake recorded"))
    actions.register_action("enrolment.review", _("Review"), _("Review recorded"))
    actions.register_action("enrolment.decision", _("Decide on application"), _("Decision recorded"))
    actions.register_action("enrolment.comment", _("Post message"), _("Message posted"))
    actions.register_action("enrolment.document_remove", _("Remove document"), _("Document removed"))
