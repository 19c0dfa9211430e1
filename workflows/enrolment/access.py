"""Who may see or do what with enrolment applications and the enrolment flow's tasks.

Built from the primitives of regions.access; views, selectors, filter choices, notifications and the
flow's task node (through workflows.core.registry) all ask this module.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q
from viewflow.workflow.models import Task

from regions import access
from regions.models import RegionMembership
from regions.roles import Role
from workflows.enrolment.flows import EnrolmentFlow
from workflows.enrolment.models import EnrolmentApplication, Review

APPLICATION_START = "application.start"  # start a new application (self-registered or invited)
APPLICATION_VIEW = "application.view"  # see an application: data, documents, timeline, comments
APPLICATION_EDIT = "application.edit"  # edit a draft or an application returned to the region
APPLICATION_COMMENT = "application.comment"  # post in the comment thread (region, reviewers, office)
APPLICATION_INTERNAL = "application.internal"  # read and write internal notes (coalition + office)
APPLICATION_MANAGE = "application.manage"  # programme office: intake, decision, invitations
APPLICATION_ACTIONS = (APPLICATION_VIEW, APPLICATION_EDIT, APPLICATION_COMMENT, APPLICATION_INTERNAL)


def _active(user) -> bool:
    return getattr(user, "is_authenticated", False) and user.is_active


def has_application(user) -> bool:
    """Someone who applied (or was invited to apply) may use the portal for that application."""
    if not _active(user):
        return False
    return access.remembered(
        user, "has_application", lambda: EnrolmentApplication.objects.filter(applicant=user).exists()
    )


def _application_condition(user, action):
    """The filter on EnrolmentApplication for ``action``."""
    if not _active(user):
        return Q(pk__in=[])
    staff = access.is_programme_staff(user)
    own = Q(applicant=user)
    submitted = ~Q(status=EnrolmentApplication.Status.DRAFT)
    assigned = (
        Exists(Review.objects.filter(application=OuterRef("pk"), organisation_id=user.organisation_id))
        if access.is_coalition_member(user) and user.organisation_id
        else None
    )
    if action == APPLICATION_EDIT:
        return own & Q(status__in=EnrolmentApplication.EDITABLE)
    if action == APPLICATION_MANAGE:
        return submitted if staff else Q(pk__in=[])
    if action == APPLICATION_INTERNAL:
        if staff:
            return submitted
        return (assigned & submitted) if assigned is not None else Q(pk__in=[])
    if action in (APPLICATION_VIEW, APPLICATION_COMMENT):
        condition = own | Exists(RegionMembership.objects.filter(region=OuterRef("region_id"), user=user))
        if staff:
            return condition | submitted
        if assigned is not None:
            condition = condition | (assigned & submitted)
        return condition
    raise ValueError(f"Unknown application action: {action}")


def applications_for(user, action: str = APPLICATION_VIEW):
    """Enrolment applications on which ``user`` may perform ``action`` (one query, no duplicates)."""
    return EnrolmentApplication.objects.filter(_application_condition(user, action))


def can_application(user, action: str, application=None) -> bool:
    """May ``user`` perform ``action`` on ``application`` (or at all, for start and manage)?"""
    if not _active(user):
        return False
    if application is None:
        if action == APPLICATION_START:
            # Applicants act for a region, not for the coalition or the programme office.
            roles = access.roles_of(user)
            return not (access.is_coalition_member(user) or roles & {Role.PROGRAMME_OFFICE, Role.CONTENT_EDITOR})
        if action == APPLICATION_MANAGE:
            return access.is_programme_staff(user)
        if action == APPLICATION_VIEW:
            return access.is_programme_staff(user) or access.is_coalition_member(user) or has_application(user)
        raise ValueError(f"{action} needs an application")
    key = (action, "EnrolmentApplication", application.pk)
    return access.remembered(user, key, lambda: applications_for(user, action).filter(pk=application.pk).exists())


def tasks_for(user):
    """Enrolment tasks (any status) that ``user`` may take and carry out: for the programme office
    intake and decision, for an assigned organisation's reviewers their organisation's review, for
    the applicant the revision."""
    if not _active(user):
        return Task.objects.none()
    condition = Q(flow_task=EnrolmentFlow.revise, process__enrolment_application__applicant=user)
    if access.is_programme_staff(user):
        condition |= Q(flow_task__in=[EnrolmentFlow.intake, EnrolmentFlow.decide])
    if access.is_coalition_member(user) and user.organisation_id:
        condition |= Q(flow_task=EnrolmentFlow.review, enrolment_review__organisation_id=user.organisation_id)
    return Task.objects.filter(condition, process__flow_class=EnrolmentFlow)


def document_rule(user) -> Q:
    """Documents of the applications ``user`` may see (for regions.access.documents_for)."""
    return Q(region__in=applications_for(user, APPLICATION_VIEW).values("region_id"))
