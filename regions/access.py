"""Who may see or do what: the only place where access rules live.

Views, templates, querysets, filter choices and workflow permissions all ask this module:
- ``can(user, action, obj=None)`` answers one question about one object (or about the action in
  general when ``obj`` is None);
- ``regions_for(user, action)`` and ``organisations_for(user, action)`` return the scoped
  querysets that listings start from, so a list can never show what ``can`` would refuse.

Per-object pairings are django-guardian grants (regions.models.Region*ObjectPermission, direct
foreign keys); region teams are RegionMembership rows. Both are read here with subqueries, so a
scoped list costs one query however many regions exist.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from regions.models import (
    Organisation,
    Region,
    RegionDocument,
    RegionGroupObjectPermission,
    RegionMembership,
    RegionUserObjectPermission,
)
from regions.roles import GROUP_ROLES, Role

# --- Actions (machine names; never translated) ------------------------------------------------
PORTAL_USE = "portal.use"  # use "Mijn omgeving" at all
REGION_VIEW = "region.view"  # see a region's non-public data (team, contacts, work, reports)
REGION_WORK = "region.work"  # act for a region: edit its workspace, report, submit lessons
REGION_REVIEW = "region.review"  # review and give feedback on a region's work
REGION_MANAGE = "region.manage"  # change a region's status, team and pairings
ORGANISATION_VIEW = "organisation.view"  # see an organisation's members and roles
ORGANISATION_MANAGE = "organisation.manage"  # edit organisations and their people
CMS_EDIT = "cms.edit"  # edit the public site in Wagtail admin
AUDIT_VIEW = "audit.view"  # read the audit log

REGION_ACTIONS = (REGION_VIEW, REGION_WORK, REGION_REVIEW, REGION_MANAGE)
ORGANISATION_ACTIONS = (ORGANISATION_VIEW, ORGANISATION_MANAGE)
GLOBAL_ACTIONS = (PORTAL_USE, CMS_EDIT, AUDIT_VIEW)
ALL_ACTIONS = REGION_ACTIONS + ORGANISATION_ACTIONS + GLOBAL_ACTIONS

PAIR_CODENAME = "pair_region"
CONNECT_CODENAME = "connect_region"


def roles_of(user) -> frozenset[str]:
    """The user's roles (Role values), computed once per user object (two queries at most)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cached = getattr(user, "_roles_cache", None)
    if cached is not None:
        return cached
    roles = set(user.groups.filter(name__in=GROUP_ROLES).values_list("name", flat=True))
    if user.region_memberships.exists():
        roles.add(Role.REGION_TEAM)
    if user.is_superuser:
        roles.add(Role.ADMINISTRATOR)
    # A reviewer or connector acts for a coalition member organisation; without one the role
    # gives nothing.
    if user.organisation_id is None:
        roles -= {Role.COALITION_REVIEWER, Role.COALITION_CONNECTOR}
    user._roles_cache = frozenset(roles)
    return user._roles_cache


def forget_cached_access(user) -> None:
    """Drop what this module cached on the user object (after a role or grant changed)."""
    for attr in ("_roles_cache", "_access_cache"):
        if hasattr(user, attr):
            delattr(user, attr)


def _is_staff_role(roles) -> bool:
    return bool(roles & {Role.PROGRAMME_OFFICE, Role.ADMINISTRATOR})


def _paired_with_users_organisation(user):
    """Subquery condition: the region is paired (guardian group grant) with the user's organisation."""
    return Exists(
        RegionGroupObjectPermission.objects.filter(
            content_object=OuterRef("pk"),
            group__organisation__id=user.organisation_id,
            permission__codename=PAIR_CODENAME,
        )
    )


def _connected_to_user(user):
    """Subquery condition: the user is the region's named coalition connector (guardian user grant)."""
    return Exists(
        RegionUserObjectPermission.objects.filter(
            content_object=OuterRef("pk"), user=user, permission__codename=CONNECT_CODENAME
        )
    )


def _team_member(user):
    return Exists(RegionMembership.objects.filter(region=OuterRef("pk"), user=user))


def _region_condition(user, action) -> Q | Exists | None:
    """The filter that scopes regions for ``action``; None means every region, False-y Q() none."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Q(pk__in=[])
    roles = roles_of(user)
    if _is_staff_role(roles):
        if action == REGION_WORK and Role.ADMINISTRATOR not in roles:
            # The programme office follows and steers but does not write on a region's behalf.
            return _team_member(user)
        return None

    reviewer = roles & {Role.COALITION_REVIEWER, Role.COALITION_CONNECTOR}
    conditions = []
    if action in (REGION_VIEW, REGION_WORK) and Role.REGION_TEAM in roles:
        conditions.append(_team_member(user))
    if action in (REGION_VIEW, REGION_REVIEW) and reviewer:
        conditions.append(_paired_with_users_organisation(user))
        if Role.COALITION_CONNECTOR in roles:
            conditions.append(_connected_to_user(user))
    if action == REGION_VIEW:
        conditions.append(Q(knowledge_contact=user))
    if not conditions:
        return Q(pk__in=[])
    combined = conditions[0]
    for condition in conditions[1:]:
        combined = combined | condition
    return combined


def regions_for(user, action: str = REGION_VIEW) -> QuerySet[Region]:
    """Regions on which ``user`` may perform ``action`` (one query, no duplicates)."""
    if action not in REGION_ACTIONS:
        raise ValueError(f"Unknown region action: {action}")
    condition = _region_condition(user, action)
    queryset = Region.objects.all()
    if condition is None:
        return queryset
    return queryset.filter(condition)


def organisations_for(user, action: str = ORGANISATION_VIEW) -> QuerySet[Organisation]:
    """Organisations whose people and roles ``user`` may see or manage."""
    if action not in ORGANISATION_ACTIONS:
        raise ValueError(f"Unknown organisation action: {action}")
    roles = roles_of(user)
    if _is_staff_role(roles):
        return Organisation.objects.all()
    if action == ORGANISATION_VIEW and user.is_authenticated and user.is_active and user.organisation_id:
        return Organisation.objects.filter(pk=user.organisation_id)
    return Organisation.objects.none()


def documents_for(user) -> QuerySet[RegionDocument]:
    """Private region documents ``user`` may download: those of regions the user may see."""
    return RegionDocument.objects.filter(region__in=regions_for(user, REGION_VIEW).values("pk"))


def _can_global(user, action, roles) -> bool:
    if action == PORTAL_USE:
        return bool(roles) or user.organisation_id is not None
    if action == CMS_EDIT:
        return bool(roles & {Role.CONTENT_EDITOR, Role.PROGRAMME_OFFICE, Role.ADMINISTRATOR})
    if action == AUDIT_VIEW:
        return _is_staff_role(roles)
    if action in (REGION_MANAGE, ORGANISATION_MANAGE):
        return _is_staff_role(roles)
    if action == REGION_REVIEW:
        return bool(roles & {Role.COALITION_REVIEWER, Role.COALITION_CONNECTOR}) or _is_staff_role(roles)
    if action == REGION_WORK:
        return Role.REGION_TEAM in roles or Role.ADMINISTRATOR in roles
    if action in (REGION_VIEW, ORGANISATION_VIEW):
        return bool(roles)
    raise ValueError(f"Unknown action: {action}")


def can(user, action: str, obj=None) -> bool:
    """May ``user`` perform ``action`` on ``obj`` (a Region or Organisation), or at all if obj is None?"""
    if action not in ALL_ACTIONS:
        raise ValueError(f"Unknown action: {action}")
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    roles = roles_of(user)
    if obj is None:
        return _can_global(user, action, roles)
    if action in GLOBAL_ACTIONS:
        raise ValueError(f"{action} does not take an object")

    cache = user.__dict__.setdefault("_access_cache", {})
    key = (action, type(obj).__name__, obj.pk)
    if key not in cache:
        if isinstance(obj, Region) and action in REGION_ACTIONS:
            cache[key] = regions_for(user, action).filter(pk=obj.pk).exists()
        elif isinstance(obj, Organisation) and action in ORGANISATION_ACTIONS:
            cache[key] = organisations_for(user, action).filter(pk=obj.pk).exists()
        else:
            raise ValueError(f"{action} does not apply to {type(obj).__name__}")
    return cache[key]


def region_permissions(user, region) -> dict[str, bool]:
    """Every region action for one region, for templates ("what may I do here?")."""
    return {action.split(".")[1]: can(user, action, region) for action in REGION_ACTIONS}
