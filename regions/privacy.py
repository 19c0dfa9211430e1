"""AVG/GDPR requests: what we hold about a person, and removing a person while records stay.

Records that must stay (audit log, workflow history, documents a region still needs) keep their
link to the account, but the account no longer carries a name, address or way to sign in.
Retention: accounts unused for RETENTION_DAYS are erased by `manage.py erase_inactive_people`.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from guardian.models import UserObjectPermission
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from regions.models import RegionMembership, RegionUserObjectPermission, User

RETENTION_DAYS = 730
ERASED_NAME = "Verwijderde gebruiker"


def person_export(user: User) -> dict:
    """Everything the platform holds about one person, as plain data (for a download)."""
    memberships = RegionMembership.objects.filter(user=user).select_related("region")
    return {
        "account": {
            "username": user.username,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "job_title": user.job_title,
            "organisation": user.organisation.name if user.organisation_id else None,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "roles": sorted(user.groups.exclude(name__startswith="organisation:").values_list("name", flat=True)),
            "two_factor": TOTPDevice.objects.filter(user=user, confirmed=True).exists(),
        },
        "region_teams": [
            {"region": m.region.name, "verbinder": m.is_verbinder, "since": m.created_at.isoformat()}
            for m in memberships
        ],
        "coalition_connector_for": sorted(
            RegionUserObjectPermission.objects.filter(user=user).values_list("content_object__name", flat=True)
        ),
        "documents_uploaded": [
            {"name": d.name, "region": d.region.name, "uploaded": d.created_at.isoformat()}
            for d in user.uploaded_documents.select_related("region")
        ],
        "activity": [
            {"when": e.timestamp.isoformat(), "action": e.action, "on": e.label}
            for e in ModelLogEntry.objects.filter(user=user).order_by("timestamp")
        ],
        "other_records": _linked_records(user),
    }


# Covered above, or access machinery rather than records about what the person did.
_LISTED_ELSEWHERE = {
    "regions.regionmembership",
    "regions.regionuserobjectpermission",
    "regions.regiondocument",
    "guardian.userobjectpermission",
    "wagtailcore.modellogentry",
    "otp_totp.totpdevice",
    "otp_static.staticdevice",
}
_RECORDS_PER_KIND = 500


def _linked_records(user: User) -> list[dict]:
    """Every other record that points at the person (applications, reports, comments, checklist
    changes, ...), found from the model relations, so features added later are included too."""
    found = []
    # include_hidden: relations declared with related_name="+" point at the person as well.
    relations = [
        field
        for field in User._meta.get_fields(include_hidden=True)
        if field.auto_created and not field.concrete and (field.one_to_many or field.one_to_one)
    ]
    for relation in relations:
        model = relation.related_model
        if model._meta.label_lower in _LISTED_ELSEWHERE:
            continue
        records = model._default_manager.filter(**{relation.field.name: user}).order_by("pk")
        count = records.count()
        if count:
            found.append(
                {
                    "kind": str(model._meta.verbose_name),
                    "field": str(relation.field.verbose_name),
                    "count": count,
                    "records": [str(record)[:200] for record in records[:_RECORDS_PER_KIND]],
                }
            )
    return found


@transaction.atomic
def person_erase(*, user: User, by: User | None = None) -> None:
    """Remove a person's personal data; their account stays as an anonymous placeholder."""
    log(user, "regions.person_erase", user=by, data={"user": user.pk})
    RegionMembership.objects.filter(user=user).delete()
    RegionUserObjectPermission.objects.filter(user=user).delete()
    UserObjectPermission.objects.filter(user=user).delete()
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    user.groups.clear()
    user.username = f"verwijderd-{user.pk}"
    user.first_name = ERASED_NAME
    user.last_name = f"#{user.pk}"
    user.email = ""
    user.job_title = ""
    user.organisation = None
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.set_unusable_password()
    user.save()
    # Earlier log entries carry the person's name as the label of the object they were about.
    ModelLogEntry.objects.filter(content_type__model="user", object_id=str(user.pk)).update(label=str(user))


def inactive_people(*, now: datetime.datetime | None = None):
    """Active accounts with no sign-in (or never signed in and joined) for RETENTION_DAYS."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=RETENTION_DAYS)
    never = User.objects.filter(last_login__isnull=True, date_joined__lt=cutoff)
    stale = User.objects.filter(last_login__lt=cutoff)
    return (never | stale).filter(is_active=True, is_superuser=False).distinct()
