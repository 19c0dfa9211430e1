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


def documents_for(user) -> QuerySet[RegionDocument]:
    """Private region documents ``user`` may download: those of regions the user may see, and those
    of enrolment applications the user may see (applicant, reviewers of assigned organisations)."""
    return RegionDocument.objects.filter(
        Q(region__in=regions_for(user, REGION_VIEW).values("pk"))
        | Q(region__in=applications_for(user, APPLICATION_VIEW).values("region_id"))
    )


def _can_global(user, action, roles) -> bool:
    if action == PORTAL_USE:
        return bool(roles) or user.organisation_id is not None or _has_application(user)
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


# --- Enrolment applications ---------------------------------------------------------------------
# Rules for enrolment applications (workflows.models) and their viewflow tasks. Views, selectors,
# filter choices and the flow's node permissions (workflows.nodes.PortalTask) all ask these.
APPLICATION_START = "application.start"  # start a new application (self-registered or invited)
APPLICATION_VIEW = "application.view"  # see an application: data, documents, timeline, comments
APPLICATION_EDIT = "application.edit"  # edit a draft or an application returned to the region
APPLICATION_COMMENT = "application.comment"  # post in the comment thread (region, reviewers, office)
APPLICATION_INTERNAL = "application.internal"  # read and write internal notes (coalition + office)
APPLICATION_MANAGE = "application.manage"  # programme office: intake, decision, invitations
APPLICATION_ACTIONS = (APPLICATION_VIEW, APPLICATION_EDIT, APPLICATION_COMMENT, APPLICATION_INTERNAL)

_COALITION_ROLES = frozenset({Role.COALITION_REVIEWER, Role.COALITION_CONNECTOR})


def _has_application(user) -> bool:
    """Someone who applied (or was invited to apply) may use the portal for that application."""
    from workflows.models import EnrolmentApplication

    cache = user.__dict__.setdefault("_access_cache", {})
    if "has_application" not in cache:
        cache["has_application"] = EnrolmentApplication.objects.filter(applicant=user).exists()
    return cache["has_application"]


def _application_condition(user, action):
    """The filter on EnrolmentApplication for ``action``; None means every application."""
    from workflows.models import EnrolmentApplication, Review

    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Q(pk__in=[])
    roles = roles_of(user)
    own = Q(applicant=user)
    submitted = ~Q(status=EnrolmentApplication.Status.DRAFT)
    assigned = (
        Exists(Review.objects.filter(application=OuterRef("pk"), organisation_id=user.organisation_id))
        if roles & _COALITION_ROLES and user.organisation_id
        else None
    )
    if action == APPLICATION_EDIT:
        return own & Q(status__in=EnrolmentApplication.EDITABLE)
    if action == APPLICATION_MANAGE:
        return submitted if _is_staff_role(roles) else Q(pk__in=[])
    if action == APPLICATION_INTERNAL:
        if _is_staff_role(roles):
            return submitted
        return (assigned & submitted) if assigned is not None else Q(pk__in=[])
    if action in (APPLICATION_VIEW, APPLICATION_COMMENT):
        condition = own | Exists(RegionMembership.objects.filter(region=OuterRef("region_id"), user=user))
        if _is_staff_role(roles):
            return condition | submitted
        if assigned is not None:
            condition = condition | (assigned & submitted)
        return condition
    raise ValueError(f"Unknown application action: {action}")


def applications_for(user, action: str = APPLICATION_VIEW):
    """Enrolment applications on which ``user`` may perform ``action`` (one query, no duplicates)."""
    from workflows.models import EnrolmentApplication

    return EnrolmentApplication.objects.filter(_application_condition(user, action))


def can_application(user, action: str, application=None) -> bool:
    """May ``user`` perform ``action`` on ``application`` (or at all, for start and manage)?"""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    roles = roles_of(user)
    if application is None:
        if action == APPLICATION_START:
            # Applicants act for a region, not for the coalition or the programme office.
            return not (roles & (_COALITION_ROLES | {Role.PROGRAMME_OFFICE, Role.CONTENT_EDITOR}))
        if action == APPLICATION_MANAGE:
            return _is_staff_role(roles)
        if action == APPLICATION_VIEW:
            return _is_staff_role(roles) or bool(roles & _COALITION_ROLES) or _has_application(user)
        raise ValueError(f"{action} needs an application")
    cache = user.__dict__.setdefault("_access_cache", {})
    key = (action, "EnrolmentApplication", application.pk)
    if key not in cache:
        cache[key] = applications_for(user, action).filter(pk=application.pk).exists()
    return cache[key]


def _task_condition(user):
    """The filter on viewflow tasks of the enrolment flow that ``user`` may claim and carry out."""
    from workflows.flows import EnrolmentFlow

    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    roles = roles_of(user)
    conditions = [Q(flow_task=EnrolmentFlow.revise, process__enrolment_application__applicant=user)]
    if _is_staff_role(roles):
        conditions.append(Q(flow_task__in=[EnrolmentFlow.intake, EnrolmentFlow.decide]))
    if roles & _COALITION_ROLES and user.organisation_id:
        conditions.append(Q(flow_task=EnrolmentFlow.review, enrolment_review__organisation_id=user.organisation_id))
    combined = conditions[0]
    for condition in conditions[1:]:
        combined = combined | condition
    return combined


def tasks_for(user):
    """Enrolment tasks (any status) that ``user`` may claim and carry out: for the programme office
    intake and decision, for an assigned organisation's reviewers their organisation's review, for
    the applicant the revision."""
    from viewflow.workflow.models import Task

    from workflows.flows import EnrolmentFlow

    condition = _task_condition(user)
    if condition is None:
        return Task.objects.none()
    return Task.objects.filter(condition, process__flow_class=EnrolmentFlow)


def can_act_on_task(user, task) -> bool:
    """May ``user`` claim and carry out this enrolment task (whatever its status)?"""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    cache = user.__dict__.setdefault("_access_cache", {})
    key = ("task", task.pk)
    if key not in cache:
        cache[key] = tasks_for(user).filter(pk=task.pk).exists()
    return cache[key]


# --- Progress reports -------------------------------------------------------------------------------
# Rules for progress reports (learning.models.ProgressReport), their reporting rounds and the tasks
# of the reporting flow (workflows.reporting). Views, selectors, exports and the flow's nodes ask these.
REPORT_VIEW = "report.view"  # read a report: its submitted versions, timeline and checklist snapshot
REPORT_EDIT = "report.edit"  # write the draft and submit it (the region's team, while it is the region's turn)
REPORT_REVIEW = "report.review"  # accept a submitted report or send questions back (paired organisation)
REPORT_MANAGE = "report.manage"  # programme office: reporting rounds, opening them, every report


def _report_condition(user, action) -> Q | None:
    """The filter on ProgressReport for ``action``; None means every report."""
    from learning.models import ProgressReport

    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Q(pk__in=[])
    roles = roles_of(user)
    if action == REPORT_VIEW:
        if _is_staff_role(roles):
            return None
        # The team sees its drafts; everyone else who may see the region sees what was submitted.
        team = Q(region__in=regions_for(user, REGION_WORK).values("pk"))
        return Q(region__in=regions_for(user, REGION_VIEW).values("pk")) & (team | Q(version__gte=1))
    if action == REPORT_EDIT:
        return Q(region__in=regions_for(user, REGION_WORK).values("pk"), state__in=ProgressReport.EDITABLE)
    if action == REPORT_REVIEW:
        return Q(region__in=regions_for(user, REGION_REVIEW).values("pk"), state=ProgressReport.State.SUBMITTED)
    if action == REPORT_MANAGE:
        return None if _is_staff_role(roles) else Q(pk__in=[])
    raise ValueError(f"Unknown report action: {action}")


def reports_for(user, action: str = REPORT_VIEW):
    """Progress reports on which ``user`` may perform ``action`` (one query, no duplicates)."""
    from learning.models import ProgressReport

    condition = _report_condition(user, action)
    queryset = ProgressReport.objects.all()
    return queryset if condition is None else queryset.filter(condition)


def can_report(user, action: str, report=None) -> bool:
    """May ``user`` perform ``action`` on ``report`` (or at all when ``report`` is None)?"""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    roles = roles_of(user)
    if report is None:
        if action == REPORT_MANAGE:
            return _is_staff_role(roles)
        if action == REPORT_VIEW:
            return can(user, PORTAL_USE)
        if action == REPORT_EDIT:
            return can(user, REGION_WORK)
        if action == REPORT_REVIEW:
            return can(user, REGION_REVIEW)
        raise ValueError(f"Unknown report action: {action}")
    cache = user.__dict__.setdefault("_access_cache", {})
    key = (action, "ProgressReport", report.pk)
    if key not in cache:
        cache[key] = reports_for(user, action).filter(pk=report.pk).exists()
    return cache[key]


def report_tasks_for(user):
    """Tasks of the reporting flow (any status) that ``user`` may claim and carry out: writing and
    submitting for the region's team, the review for whoever may review the region (its paired
    organisations' reviewers and connectors, and the programme office)."""
    from viewflow.workflow.models import Task

    from workflows.reporting import ReportingFlow

    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Task.objects.none()
    condition = Q(
        flow_task=ReportingFlow.fill,
        process__progress_report__region__in=regions_for(user, REGION_WORK).values("pk"),
    ) | Q(
        flow_task=ReportingFlow.review,
        process__progress_report__region__in=regions_for(user, REGION_REVIEW).values("pk"),
    )
    return Task.objects.filter(condition, process__flow_class=ReportingFlow)


def can_act_on_report_task(user, task) -> bool:
    """May ``user`` claim and carry out this task of the reporting flow (whatever its status)?"""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    cache = user.__dict__.setdefault("_access_cache", {})
    key = ("report_task", task.pk)
    if key not in cache:
        cache[key] = report_tasks_for(user).filter(pk=task.pk).exists()
    return cache[key]


def report_reviewer_emails(region) -> list[str]:
    """Addresses of the people who review ``region``'s reports: reviewers and connectors of the
    organisations paired with it, and its named coalition connector (one query)."""
    from regions.models import User

    paired = RegionGroupObjectPermission.objects.filter(
        content_object=region, permission__codename=PAIR_CODENAME
    ).values("group__organisation__id")
    connectors = RegionUserObjectPermission.objects.filter(
        content_object=region, permission__codename=CONNECT_CODENAME
    ).values("user_id")
    return list(
        User.objects.filter(is_active=True)
        .filter(
            Q(organisation_id__in=paired, groups__name__in=[Role.COALITION_REVIEWER, Role.COALITION_CONNECTOR])
            | Q(pk__in=connectors)
        )
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )


# --- Lessons ------------------------------------------------------------------------------------------
# Rules for lessons (learning.lessons): the submissions a region's team writes, their review by the
# region's paired coalition organisation (workflows.lessons), and which lesson pages the public sees.
LESSON_VIEW = "lesson.view"  # read a submission: its versions, timeline and attachments
LESSON_EDIT = "lesson.edit"  # write the draft and submit it (the region's team, while it is the team's turn)
LESSON_CORRECT = "lesson.correct"  # start a correction of a published lesson (the region's team)
LESSON_REVIEW = "lesson.review"  # approve, request changes or decline (paired organisation, programme office)


def _lesson_condition(user, action) -> Q | None:
    """The filter on LessonSubmission for ``action``; None means every submission."""
    from learning.lessons import LessonSubmission

    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Q(pk__in=[])
    roles = roles_of(user)
    State = LessonSubmission.State
    if action == LESSON_VIEW:
        if _is_staff_role(roles):
            return None
        # The team sees its drafts; everyone else who may see the region sees what was submitted.
        team = Q(region__in=regions_for(user, REGION_WORK).values("pk"))
        return Q(region__in=regions_for(user, REGION_VIEW).values("pk")) & (team | Q(version__gte=1))
    if action == LESSON_EDIT:
        return Q(region__in=regions_for(user, REGION_WORK).values("pk"), state__in=LessonSubmission.EDITABLE)
    if action == LESSON_CORRECT:
        return Q(region__in=regions_for(user, REGION_WORK).values("pk"), state=State.PUBLISHED)
    if action == LESSON_REVIEW:
        return Q(region__in=regions_for(user, REGION_REVIEW).values("pk"), state=State.SUBMITTED)
    raise ValueError(f"Unknown lesson action: {action}")


def lessons_for(user, action: str = LESSON_VIEW):
    """Lesson submissions on which ``user`` may perform ``action`` (one query, no duplicates)."""
    from learning.lessons import LessonSubmission

    condition = _lesson_condition(user, action)
    queryset = LessonSubmission.objects.all()
    return queryset if condition is None else queryset.filter(condition)


def can_lesson(user, action: str, lesson=None) -> bool:
    """May ``user`` perform ``action`` on ``lesson`` (or at all when ``lesson`` is None)?"""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if lesson is None:
        if action == LESSON_VIEW:
            return can(user, PORTAL_USE)
        if action in (LESSON_EDIT, LESSON_CORRECT):
            return can(user, REGION_WORK)
        if action == LESSON_REVIEW:
            return can(user, REGION_REVIEW)
        raise ValueError(f"Unknown lesson action: {action}")
    cache = user.__dict__.setdefault("_access_cache", {})
    key = (action, "LessonSubmission", lesson.pk)
    if key not in cache:
        cache[key] = lessons_for(user, action).filter(pk=lesson.pk).exists()
    return cache[key]


def lesson_tasks_for(user):
    """Tasks of the sharing flow (any status) that ``user`` may claim and carry out: writing for the
    region's team, the review for whoever may review the region."""
    from viewflow.workflow.models import Task

    from workflows.lessons import LessonFlow

    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Task.objects.none()
    condition = Q(
        flow_task=LessonFlow.write,
        process__lesson_submission__region__in=regions_for(user, REGION_WORK).values("pk"),
    ) | Q(
        flow_task=LessonFlow.review,
        process__lesson_submission__region__in=regions_for(user, REGION_REVIEW).values("pk"),
    )
    return Task.objects.filter(condition, process__flow_class=LessonFlow)


def can_act_on_lesson_task(user, task) -> bool:
    """May ``user`` claim and carry out this task of the sharing flow (whatever its status)?"""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    cache = user.__dict__.setdefault("_access_cache", {})
    key = ("lesson_task", task.pk)
    if key not in cache:
        cache[key] = lesson_tasks_for(user).filter(pk=task.pk).exists()
    return cache[key]


def lesson_pages_public():
    """The lesson pages anyone may read: live and not behind a view restriction. The library, its
    search, the feeds and the API all start from this queryset."""
    from learning.lessons import LessonPage

    return LessonPage.objects.live().public()
