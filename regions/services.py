"""Writes about organisations, people and regions. Every grant and revocation is audit-logged."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from guardian.shortcuts import assign_perm, remove_perm
from wagtail.log_actions import log

from regions.access import CONNECT_CODENAME, PAIR_CODENAME, forget_cached_access
from regions.models import Organisation, Region, RegionDocument, RegionMembership, User
from regions.roles import GROUP_ROLES, ORGANISATION_ROLES, Role
from regions.uploads import safe_filename, validate_upload

PAIR_PERM = f"regions.{PAIR_CODENAME}"
CONNECT_PERM = f"regions.{CONNECT_CODENAME}"


def role_groups_ensure() -> dict[str, Group]:
    """The Django groups that carry the group roles (idempotent)."""
    return {role: Group.objects.get_or_create(name=role)[0] for role in GROUP_ROLES}


def organisation_group_ensure(organisation: Organisation) -> Group:
    """The organisation's own group, which guardian grants are given to (idempotent)."""
    if organisation.group_id is None:
        group, _created = Group.objects.get_or_create(name=f"organisation:{organisation.slug}")
        organisation.group = group
        organisation.save(update_fields=["group"])
    return organisation.group


@transaction.atomic
def user_set_organisation(*, user: User, organisation: Organisation | None) -> None:
    """Move a person to an organisation, keeping guardian's group membership in step."""
    if user.organisation_id and user.organisation_id != getattr(organisation, "pk", None):
        old = Organisation.objects.get(pk=user.organisation_id)
        if old.group_id:
            user.groups.remove(old.group_id)
    user.organisation = organisation
    user.save(update_fields=["organisation"])
    if organisation is not None:
        user.groups.add(organisation_group_ensure(organisation))
    forget_cached_access(user)


@transaction.atomic
def user_set_roles(*, user: User, roles: set[str], by: User | None = None) -> None:
    """Give the user exactly these group roles (region team and administrator are not group roles)."""
    unknown = set(roles) - set(GROUP_ROLES)
    if unknown:
        raise ValidationError(_("Unknown roles: %(roles)s") % {"roles": ", ".join(sorted(unknown))})
    needs_member = bool(set(roles) & set(ORGANISATION_ROLES))
    if needs_member and (user.organisation is None or user.organisation.kind != Organisation.Kind.COALITION_MEMBER):
        raise ValidationError(_("Coalition reviewers and connectors must belong to a coalition member organisation."))
    groups = role_groups_ensure()
    current = set(user.groups.filter(name__in=GROUP_ROLES).values_list("name", flat=True))
    for role in current - set(roles):
        user.groups.remove(groups[role])
        log(user, "regions.role_revoke", user=by, data={"role": role})
    for role in set(roles) - current:
        user.groups.add(groups[role])
        log(user, "regions.role_grant", user=by, data={"role": role})
    forget_cached_access(user)


@transaction.atomic
def region_pair_organisation(*, region: Region, organisation: Organisation, by: User | None = None) -> None:
    """Pair a coalition member organisation with the region (its reviewers follow the region)."""
    if organisation.kind != Organisation.Kind.COALITION_MEMBER:
        raise ValidationError(_("Only coalition member organisations can be paired with a region."))
    group = organisation_group_ensure(organisation)
    if not region.regiongroupobjectpermission_set.filter(group=group, permission__codename=PAIR_CODENAME).exists():
        assign_perm(PAIR_PERM, group, region)
        log(region, "regions.pair", user=by, data={"organisation": organisation.slug})


@transaction.atomic
def region_unpair_organisation(*, region: Region, organisation: Organisation, by: User | None = None) -> None:
    """End a pairing; the organisation's connectors for this region lose that role too."""
    if organisation.group_id is None:
        return
    removed = region.regiongroupobjectpermission_set.filter(
        group_id=organisation.group_id, permission__codename=PAIR_CODENAME
    ).exists()
    remove_perm(PAIR_PERM, organisation.group, region)
    for connector in region_connectors(region).filter(organisation=organisation):
        region_unset_connector(region=region, user=connector, by=by)
    if removed:
        log(region, "regions.unpair", user=by, data={"organisation": organisation.slug})


def region_paired_organisations(region: Region):
    """The coalition member organisations paired with the region."""
    return Organisation.objects.filter(
        group__regiongroupobjectpermission__content_object=region,
        group__regiongroupobjectpermission__permission__codename=PAIR_CODENAME,
    ).distinct()


def region_connectors(region: Region):
    """The people named as the region's coalition connector."""
    return User.objects.filter(
        regionuserobjectpermission__content_object=region,
        regionuserobjectpermission__permission__codename=CONNECT_CODENAME,
    ).distinct()


@transaction.atomic
def region_set_connector(*, region: Region, user: User, by: User | None = None) -> None:
    """Name a person as the region's coalition connector; their organisation must be paired."""
    if not region_paired_organisations(region).filter(pk=user.organisation_id).exists():
        raise ValidationError(_("The coalition connector must belong to an organisation paired with the region."))
    if not user.groups.filter(name=Role.COALITION_CONNECTOR).exists():
        raise ValidationError(_("This person does not have the coalition connector role."))
    if not region_connectors(region).filter(pk=user.pk).exists():
        assign_perm(CONNECT_PERM, user, region)
        log(region, "regions.connector_set", user=by, data={"user": user.pk})
    forget_cached_access(user)


@transaction.atomic
def region_unset_connector(*, region: Region, user: User, by: User | None = None) -> None:
    remove_perm(CONNECT_PERM, user, region)
    log(region, "regions.connector_unset", user=by, data={"user": user.pk})
    forget_cached_access(user)


@transaction.atomic
def region_add_member(*, region: Region, user: User, is_verbinder: bool = False, by: User | None = None):
    """Put a person on the region's team (at most two verbinders per region)."""
    if is_verbinder and region.memberships.filter(is_verbinder=True).exclude(user=user).count() >= 2:
        raise ValidationError(_("A region has at most two verbinders."))
    membership, created = RegionMembership.objects.update_or_create(
        region=region, user=user, defaults={"is_verbinder": is_verbinder}
    )
    if created:
        log(region, "regions.member_add", user=by, data={"user": user.pk, "verbinder": is_verbinder})
    forget_cached_access(user)
    return membership


@transaction.atomic
def region_remove_member(*, region: Region, user: User, by: User | None = None) -> None:
    deleted, _rows = RegionMembership.objects.filter(region=region, user=user).delete()
    if deleted:
        log(region, "regions.member_remove", user=by, data={"user": user.pk})
    forget_cached_access(user)


@transaction.atomic
def region_set_status(*, region: Region, status: str, by: User | None = None) -> None:
    if status not in Region.Status.values:
        raise ValidationError(_("Unknown region status."))
    if region.status != status:
        old = region.status
        region.status = status
        region.save(update_fields=["status", "updated_at"])
        log(region, "regions.status", user=by, data={"from": old, "to": status})


@transaction.atomic
def region_document_add(*, region: Region, uploaded_file, user: User | None) -> RegionDocument:
    """Check an uploaded file (type from its bytes, size) and store it privately for the region."""
    mime = validate_upload(uploaded_file)
    name = safe_filename(uploaded_file.name)
    document = RegionDocument(region=region, name=name, content_type=mime, size=uploaded_file.size, uploaded_by=user)
    document.file.save(name, uploaded_file, save=False)
    document.save()
    log(region, "regions.document_add", user=user, data={"document": document.pk, "name": name})
    return document
