"""Who hears about what in the enrolment process, and in which words (templates/emails/, Dutch).

Messages are rendered here in Dutch and queued as background tasks (workflows.tasks.send_email).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from regions.models import User
from regions.roles import Role
from workflows.tasks import send_email

LANGUAGE = "nl"


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _queue(template: str, recipients, context: dict) -> None:
    addresses = sorted({r for r in recipients if r})
    if not addresses:
        return
    with translation.override(LANGUAGE):
        context = {"site_name": settings.WAGTAIL_SITE_NAME, **context}
        subject = " ".join(render_to_string(f"emails/{template}_subject.txt", context).split())
        body = render_to_string(f"emails/{template}.txt", context)
    send_email.enqueue(subject=subject, body=body, recipients=addresses)


def _office_emails():
    return User.objects.filter(is_active=True, groups__name=Role.PROGRAMME_OFFICE).values_list("email", flat=True)


def _organisation_reviewer_emails(organisation_id):
    return User.objects.filter(
        is_active=True,
        organisation_id=organisation_id,
        groups__name__in=[Role.COALITION_REVIEWER, Role.COALITION_CONNECTOR],
    ).values_list("email", flat=True)


def task_created(*, task, application) -> None:
    """A task waits for an organisation (review), the programme office (intake, decision) or the
    region (revision, with the reason it came back)."""
    from workflows.flows import EnrolmentFlow
    from workflows.nodes import task_url

    context = {"application": application, "region_name": application.region.name, "url": _absolute(task_url(task))}
    if task.flow_task == EnrolmentFlow.review:
        review = task.enrolment_review
        context["organisation"] = review.organisation.display_name
        _queue("review_assigned", _organisation_reviewer_emails(review.organisation_id), context)
    elif task.flow_task in (EnrolmentFlow.intake, EnrolmentFlow.decide):
        context["step"] = "intake" if task.flow_task == EnrolmentFlow.intake else "decide"
        _queue("office_task", _office_emails(), context)
    elif task.flow_task == EnrolmentFlow.revise:
        last = application.events.order_by("-created_at", "-pk").first()
        context["motivation"] = last.motivation if last else ""
        _queue("changes_requested", [application.applicant.email], context)


def decision_made(*, application, outcome: str, motivation: str) -> None:
    recipients = [application.applicant.email, application.verbinder_1_email, application.verbinder_2_email]
    context = {
        "application": application,
        "region_name": application.region.name,
        "accepted": outcome == "accept",
        "motivation": motivation,
        "url": _absolute(application.get_absolute_url()),
    }
    _queue("decision", recipients, context)


def _set_password_url(user) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return _absolute(reverse("password_reset_confirm", kwargs={"uidb64": uid, "token": token}))


def invitation(*, user, application, by) -> None:
    context = {
        "user": user,
        "region_name": application.region.name,
        "inviter": str(by),
        "url": _set_password_url(user),
        "application_url": _absolute(application.get_absolute_url()),
    }
    _queue("invitation", [user.email], context)


def registration_confirm(*, user, region_name: str) -> None:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("enrolment:register_confirm", kwargs={"uidb64": uid, "token": token})
    from urllib.parse import urlencode

    context = {
        "user": user,
        "region_name": region_name,
        "url": _absolute(path + "?" + urlencode({"regio": region_name})),
    }
    _queue("register_confirm", [user.email], context)
