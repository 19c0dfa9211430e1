"""Who may see or do what about regions and organisations: the access primitives of the platform.

This is the ground floor: it imports nothing from learning, cms or workflows. Each workflow keeps
the rules about its own records and tasks in its own ``access.py``, built from these primitives:
- ``roles_of(user)``, ``regions_for(user, action)`` and ``organisations_for(user, action)`` return
  the roles and the scoped querysets that listings start from, so a list can never show what
  ``can`` would refuse;
- ``can(user, action, obj=None)`` answers one question about one region or organisation (or about
  the action in general when ``obj`` is None);
- ``documents_for(user)`` and ``PORTAL_USE`` also depend on records of higher layers (an enrolment
  application, a progress report); those layers add their rules at start-up
  (``add_document_rule``, ``add_portal_use_rule`` in their AppConfig.ready).

Per-object pairings are django-guardian grants (regions.models.Region*ObjectPermission, direct
foreign keys); region teams are RegionMembership rows. Both are read here with subqueries, so a
scoped list costs one query however many regions exist.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Q, QuerySet

from regions.models import (
    Organisation,
    Region,
    RegionDocument,
    RegionGroupObjectPermission,
    RegionMembership,
    RegionUserObjectPermission,
    User,
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


def remembered(user, key, answer) -> bool:
    """``answer()``, computed once per user object and ``key``: the access answers of one request."""
    cache = user.__dict__.setdefault("_access_cache", {})
    if key not in cache:
        cache[key] = answer()
    return cache[key]


def forget_cached_access(user) -> None:
    """Drop what this module cached on the user object (after a role or grant changed)."""
    for attr in ("_roles_cache", "_access_cache"):
        if hasattr(user, attr):
            delattr(user, attr)


def _is_staff_role(roles) -> bool:
    return bool(roles & {Role.PROGRAMME_OFFICE, Role.ADMINISTRATOR})


def is_programme_staff(user) -> bool:
    """The programme office or an administrator: they steer every region and every flow."""
    return _is_staff_role(roles_of(user))


def is_coalition_member(user) -> bool:
    """A reviewer or connector acting for a coalition member organisation."""
    return bool(roles_of(user) & {Role.COALITION_REVIEWER, Role.COALITION_CONNECTOR})


def _paired_with_users_organisation(user) -> Q:
    """The region is paired (guardian group grant) with the user's organisation.

    An uncorrelated ``pk IN (...)`` subquery: the database evaluates it once, using guardian's
    unique (group, permission, object) index, instead of once per region row.
    """
    return Q(
        pk__in=RegionGroupObjectPermission.objects.filter(
            group__organisation__id=user.organisation_id, permission__codename=PAIR_CODENAME
        ).values("content_object_id")
    )


def _connected_to_user(user) -> Q:
    """The user is the region's named coalition connector (guardian user grant)."""
    return Q(
        pk__in=RegionUserObjectPermission.objects.filter(user=user, permission__codename=CONNECT_CODENAME).values(
            "content_object_id"
        )
    )


def _team_member(user) -> Q:
    return Q(pk__in=RegionMembership.objects.filter(user=user).values("region_id"))


def _region_condition(user, action) -> Q | None:
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


# Rules of higher layers, added at start-up: (user) -> Q on RegionDocument, and (user) -> bool.
_document_rules: list[Callable[[object], Q]] = []
_portal_use_rules: list[Callable[[object], bool]] = []


def add_document_rule(rule: Callable[[object], Q]) -> None:
    """Let the owner of a kind of record say who may download the documents of its records."""
    if rule not in _document_rules:
        _document_rules.append(rule)


def add_portal_use_rule(rule: Callable[[object], bool]) -> None:
    """Let a workflow give the portal to people who have a record in it (an applicant)."""
    if rule not in _portal_use_rules:
        _portal_use_rules.append(rule)


def documents_for(user) -> QuerySet[RegionDocument]:
    """Private region documents ``user`` may download: those of regions the user may see, and those
    the rules of higher layers grant (documents of an enrolment application to its readers)."""
    condition = Q(region__in=regions_for(user, REGION_VIEW).values("pk"))
    for rule in _document_rules:
        condition |= rule(user)
    return RegionDocument.objects.filter(condition)


def _has_record_in_a_workflow(user) -> bool:
    return remembered(user, "portal_use_rules", lambda: any(rule(user) for rule in _portal_use_rules))


def _can_global(user, action, roles) -> bool:
    if action == PORTAL_USE:
        return bool(roles) or user.organisation_id is not None or _has_record_in_a_workflow(user)
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

    if isinstance(obj, Region) and action in REGION_ACTIONS:
        scoped = regions_for
    elif isinstance(obj, Organisation) and action in ORGANISATION_ACTIONS:
        scoped = organisations_for
    else:
        raise ValueError(f"{action} does not apply to {type(obj).__name__}")
    return remembered(
        user, (action, type(obj).__name__, obj.pk), lambda: scoped(user, action).filter(pk=obj.pk).exists()
    )


def region_permissions(user, region) -> dict[str, bool]:
    """Every region action for one region, for templates ("what may I do here?")."""
    return {action.split(".")[1]: can(user, action, region) for action in REGION_ACTIONS}


# --- People -------------------------------------------------------------------------------------
def people_with_role(role: str) -> QuerySet[User]:
    """Active people who hold a group role (programme office, editors, ...)."""
    return User.objects.filter(is_active=True, groups__name=role)


def region_team(region) -> QuerySet[User]:
    """Active members of the region's team."""
    return User.objects.filter(is_active=True, region_memberships__region=region)


def region_reviewers(region) -> QuerySet[User]:
    """Active people who review ``region``'s work: reviewers and connectors of the organisations paired
    with it, and its named coalition connector (one query, no duplicates)."""
    paired = RegionGroupObjectPermission.objects.filter(
        content_object=region, permission__codename=PAIR_CODENAME
    ).values("group__organisation__id")
    connectors = RegionUserObjectPermission.objects.filter(
        content_object=region, permission__codename=CONNECT_CODENAME
    ).values("user_id")
    return User.objects.filter(
        pk__in=User.objects.filter(is_active=True).filter(
            Q(organisation_id__in=paired, groups__name__in=[Role.COALITION_REVIEWER, Role.COALITION_CONNECTOR])
            | Q(pk__in=connectors)
        )
    )


def organisation_reviewers(organisation_id) -> QuerySet[User]:
    """Active reviewers and connectors of one coalition member organisation."""
    return User.objects.filter(
        is_active=True,
        organisation_id=organisation_id,
        groups__name__in=[Role.COALITION_REVIEWER, Role.COALITION_CONNECTOR],
    )


def emails_of(people) -> list[str]:
    """The distinct, non-empty e-mail addresses of ``people`` (a queryset of users)."""
    return sorted(set(people.exclude(email="").values_list("email", flat=True)))
