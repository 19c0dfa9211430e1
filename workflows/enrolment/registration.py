"""Accounts of region coordinators who apply: self-registration with a confirmed e-mail address, and
invitation by the programme office. Both end with a draft application (workflows.enrolment.services)."""

from __future__ import annotations

from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from regions.models import User
from workflows.enrolment import notifications, services
from workflows.enrolment.models import EnrolmentApplication


def _user_email_check(email: str) -> str:
    email = (email or "").strip().lower()
    if User.objects.filter(Q(email__iexact=email) | Q(username__iexact=email)).exists():
        raise ValidationError({"email": _("There is already an account with this e-mail address.")})
    return email


def _applicant_checks(email: str, region_name: str) -> tuple[str, str]:
    """A free e-mail address and a free region name; both errors at once when both are taken."""
    errors, result = {}, []
    for check, value in ((_user_email_check, email), (services.region_name_check, region_name)):
        try:
            result.append(check(value))
        except ValidationError as error:
            errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    return result[0], result[1]


@transaction.atomic
def applicant_register(*, first_name: str, last_name: str, email: str, password: str, region_name: str) -> User:
    """A new, inactive account; it becomes active (with a draft application) once the e-mail is confirmed."""
    email, _name = _applicant_checks(email, region_name)
    user = User(username=email, email=email, first_name=first_name, last_name=last_name, is_active=False)
    user.set_password(password)
    user.save()
    log(user, "enrolment.register", user=None, data={"region_name": region_name})
    notifications.registration_confirm(user=user, region_name=region_name.strip())
    return user


@transaction.atomic
def applicant_confirm(*, user: User, token: str, region_name: str) -> EnrolmentApplication | None:
    """Activate a self-registered account (valid token) and create its draft application."""
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.is_active or not default_token_generator.check_token(user, token):
        return None
    user.is_active = True
    user.save(update_fields=["is_active"])
    log(user, "enrolment.register_confirm", user=user)
    try:
        name = services.region_name_check(region_name)
    except ValidationError:
        name = services.region_name_check(f"{region_name} ({user.last_name or user.pk})")
    return services.application_create(applicant=user, region_name=name)


@transaction.atomic
def applicant_invite(
    *, first_name: str, last_name: str, email: str, region_name: str, by: User
) -> EnrolmentApplication:
    """The programme office invites a region coordinator: an account without a password, a draft
    application for the region, and an invitation e-mail with a link to choose a password."""
    email, name = _applicant_checks(email, region_name)
    user = User(username=email, email=email, first_name=first_name, last_name=last_name, is_active=True)
    user.set_unusable_password()
    user.save()
    application = services.application_create(applicant=user, region_name=name)
    log(user, "enrolment.invite", user=by, data={"application": application.pk})
    notifications.invitation(user=user, application=application, by=by)
    return application
