"""Who hears about what in the enrolment process, and in which words
(templates/workflows/enrolment/emails/, Dutch). Messages are queued (workflows.core.mail) inside the
transaction of the step that caused them."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from regions import access
from regions.roles import Role
from workflows.core import mail
from workflows.core.nodes import task_url
from workflows.enrolment.flows import EnrolmentFlow

TEMPLATES = "workflows/enrolment/emails/"


def task_created(*, task, application) -> None:
    """A task waits for an organisation (review), the programme office (intake, decision) or the
    region (revision, with the reason it came back)."""
    context = {
        "application": application,
        "region_name": application.region.name,
        "url": mail.absolute(task_url(task)),
    }
    if task.flow_task == EnrolmentFlow.review:
        review = task.enrolment_review
        context["organisation"] = review.organisation.display_name
        reviewers = access.emails_of(access.organisation_reviewers(review.organisation_id))
        mail.queue(TEMPLATES + "review_assigned", reviewers, context)
    elif task.flow_task in (EnrolmentFlow.intake, EnrolmentFlow.decide):
        context["step"] = "intake" if task.flow_task == EnrolmentFlow.intake else "decide"
        mail.queue(TEMPLATES + "office_task", access.emails_of(access.people_with_role(Role.PROGRAMME_OFFICE)), context)
    elif task.flow_task == EnrolmentFlow.revise:
        last = application.events.order_by("-created_at", "-pk").first()
        context["motivation"] = last.motivation if last else ""
        mail.queue(TEMPLATES + "changes_requested", [application.applicant.email], context)


def decision_made(*, application, outcome: str, motivation: str) -> None:
    recipients = [application.applicant.email, application.verbinder_1_email, application.verbinder_2_email]
    context = {
        "application": application,
        "region_name": application.region.name,
        "accepted": outcome == "accept",
        "motivation": motivation,
        "url": mail.absolute(application.get_absolute_url()),
    }
    mail.queue(TEMPLATES + "decision", recipients, context)


def _set_password_url(user) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return mail.absolute(reverse("password_reset_confirm", kwargs={"uidb64": uid, "token": token}))


def invitation(*, user, application, by) -> None:
    context = {
        "user": user,
        "region_name": application.region.name,
        "inviter": str(by),
        "url": _set_password_url(user),
        "application_url": mail.absolute(application.get_absolute_url()),
    }
    mail.queue(TEMPLATES + "invitation", [user.email], context)


def registration_confirm(*, user, region_name: str) -> None:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("enrolment:register_confirm", kwargs={"uidb64": uid, "token": token})
    context = {
        "user": user,
        "region_name": region_name,
        "url": mail.absolute(path + "?" + urlencode({"regio": region_name})),
    }
    mail.queue(TEMPLATES + "register_confirm", [user.email], context)
