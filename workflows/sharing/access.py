"""Who may see or do what with lessons being written and reviewed, and the sharing flow's tasks.

Built from the primitives of regions.access; views, selectors, notifications and the flow's task
node (through workflows.core.registry) all ask this module. Which lesson pages the public sees is
not decided here: that is ``LessonPage.objects.for_everyone()`` in learning.library.
"""

from __future__ import annotations

from django.db.models import Q
from viewflow.workflow.models import Task

from regions import access
from workflows.sharing.flows import LessonFlow
from workflows.sharing.models import LessonSubmission

LESSON_VIEW = "lesson.view"  # read a submission: its versions, timeline and attachments
LESSON_EDIT = "lesson.edit"  # write the draft and submit it (the region's team, while it is the team's turn)
LESSON_CORRECT = "lesson.correct"  # start a correction of a published lesson (the region's team)
LESSON_ACTIONS = (LESSON_VIEW, LESSON_EDIT, LESSON_CORRECT)


def _active(user) -> bool:
    return getattr(user, "is_authenticated", False) and user.is_active


def _lesson_condition(user, action) -> Q | None:
    """The filter on LessonSubmission for ``action``; None means every submission."""
    if not _active(user):
        return Q(pk__in=[])
    State = LessonSubmission.State
    team = Q(region__in=access.regions_for(user, access.REGION_WORK).values("pk"))
    if action == LESSON_VIEW:
        if access.is_programme_staff(user):
            return None
        # The team sees its drafts; everyone else who may see the region sees what was submitted.
        return Q(region__in=access.regions_for(user, access.REGION_VIEW).values("pk")) & (team | Q(version__gte=1))
    if action == LESSON_EDIT:
        return team & Q(state__in=LessonSubmission.EDITABLE)
    if action == LESSON_CORRECT:
        return team & Q(state=State.PUBLISHED)
    raise ValueError(f"Unknown lesson action: {action}")


def lessons_for(user, action: str = LESSON_VIEW):
    """Lesson submissions on which ``user`` may perform ``action`` (one query, no duplicates)."""
    condition = _lesson_condition(user, action)
    queryset = LessonSubmission.objects.all()
    return queryset if condition is None else queryset.filter(condition)


def can_lesson(user, action: str, lesson=None) -> bool:
    """May ``user`` perform ``action`` on ``lesson`` (or at all when ``lesson`` is None)?"""
    if not _active(user):
        return False
    if lesson is None:
        if action == LESSON_VIEW:
            return access.can(user, access.PORTAL_USE)
        if action in (LESSON_EDIT, LESSON_CORRECT):
            return access.can(user, access.REGION_WORK)
        raise ValueError(f"Unknown lesson action: {action}")
    key = (action, "LessonSubmission", lesson.pk)
    return access.remembered(user, key, lambda: lessons_for(user, action).filter(pk=lesson.pk).exists())


def tasks_for(user):
    """Tasks of the sharing flow (any status) that ``user`` may take and carry out: writing for the
    region's team, the review for whoever may review the region."""
    if not _active(user):
        return Task.objects.none()
    condition = Q(
        flow_task=LessonFlow.write,
        process__lesson_submission__region__in=access.regions_for(user, access.REGION_WORK).values("pk"),
    ) | Q(
        flow_task=LessonFlow.review,
        process__lesson_submission__region__in=access.regions_for(user, access.REGION_REVIEW).values("pk"),
    )
    return Task.objects.filter(condition, process__flow_class=LessonFlow)


def follows_lessons(user) -> bool:
    """Whether lessons being written concern ``user``: a region's team, its reviewers, the office."""
    return access.can(user, access.REGION_WORK) or access.can(user, access.REGION_REVIEW)
