"""Reads of the enrolment process. Each list is one scoped query (plus a fixed number of
prefetches), whatever the number of rows: the access rules come from workflows.enrolment.access."""

from __future__ import annotations

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext as _
from viewflow.workflow.models import Task

from regions.models import Organisation, Region
from workflows.core import selectors as task_selectors
from workflows.core.registry import PortalLink
from workflows.core.services import OPEN_TASK_STATUSES
from workflows.enrolment import access
from workflows.enrolment.flows import EnrolmentFlow
from workflows.enrolment.models import ApplicationEvent, Comment, EnrolmentApplication, Review

# How long each step may take (days); the inbox shows the resulting due date.
DUE_DAYS = {"intake": 14, "review": 21, "decide": 14, "revise": 42}


def inbox_count(*, user) -> int:
    """How many enrolment tasks are in ``user``'s inbox (one query)."""
    return task_selectors.open_task_count(user=user, flow_class=EnrolmentFlow)


def inbox_tasks(*, user) -> list[Task]:
    """Open tasks ``user`` can claim, and those the user has claimed, oldest first, with due dates."""
    return task_selectors.open_tasks(user=user, flow_class=EnrolmentFlow, related=("enrolment_review__organisation",))


def application_list(*, user):
    """Applications ``user`` is involved in (see regions.access), newest activity first."""
    return (
        access.applications_for(user, access.APPLICATION_VIEW)
        .select_related("region", "applicant")
        .prefetch_related(
            Prefetch("reviews", queryset=Review.objects.select_related("organisation").order_by("-is_connector"))
        )
        .order_by("-updated_at", "-pk")
    )


def application_detail(*, user, pk: int) -> EnrolmentApplication | None:
    return (
        access.applications_for(user, access.APPLICATION_VIEW)
        .select_related("region", "applicant", "process")
        .prefetch_related("municipalities", "samenwerkingsverbanden", "advices")
        .filter(pk=pk)
        .first()
    )


def application_documents(application):
    return list(application.region.documents.select_related("uploaded_by"))


def application_timeline(application, *, internal: bool):
    """Every step: who, when, what, why. Reviews are shown to the coalition and office only."""
    events = application.events.select_related("actor", "organisation")
    if not internal:
        events = events.exclude(kind=ApplicationEvent.Kind.REVIEWED)
    return list(events)


def application_reviews(application):
    return list(application.reviews.select_related("organisation", "reviewer").order_by("-round", "-is_connector"))


def application_comments(application, *, internal: bool):
    comments = Comment.objects.filter(application=application).select_related("author", "author__organisation")
    if not internal:
        comments = comments.filter(internal=False)
    return list(comments)


def application_tasks(application, *, user) -> list[Task]:
    """The open tasks of this application that ``user`` may claim or carry out."""
    if application.process_id is None:
        return []
    tasks = access.tasks_for(user).filter(process_id=application.process_id, status__in=OPEN_TASK_STATUSES)
    return task_selectors.with_due(list(tasks.select_related("owner", "enrolment_review__organisation")))


def application_open_steps(application) -> list[Task]:
    """Every open task of the application (to say who it waits for), whoever may act on it."""
    if application.process_id is None:
        return []
    tasks = Task.objects.filter(process_id=application.process_id, status__in=OPEN_TASK_STATUSES)
    return task_selectors.with_due(list(tasks.select_related("owner", "enrolment_review__organisation").order_by("pk")))


def filter_regions(*, user):
    """Regions to offer in the list filter: those of the applications the user may see."""
    return Region.objects.filter(
        pk__in=access.applications_for(user, access.APPLICATION_VIEW).values("region_id")
    ).order_by("name")


def filter_organisations(*, user):
    """Organisations to offer in the list filter: those assigned to applications the user may see."""
    return Organisation.objects.filter(
        pk__in=Review.objects.filter(
            application__in=access.applications_for(user, access.APPLICATION_VIEW).values("pk")
        ).values("organisation_id")
    ).order_by("name")


def portal_links(user) -> list[PortalLink]:
    """What the enrolment flow offers ``user`` on the start page."""
    links = []
    if access.can_application(user, access.APPLICATION_VIEW):
        links.append(PortalLink(_("Enrolment inbox"), reverse("enrolment:inbox"), count=inbox_count(user=user)))
        links.append(PortalLink(_("Applications you are involved in"), reverse("enrolment:application_list")))
    if access.can_application(user, access.APPLICATION_START):
        links.append(
            PortalLink(_("Apply for a region to become an inspiratieregio"), reverse("enrolment:application_start"))
        )
    if access.can_application(user, access.APPLICATION_MANAGE):
        links.append(PortalLink(_("Invite a region coordinator to apply"), reverse("enrolment:invite")))
    return links
