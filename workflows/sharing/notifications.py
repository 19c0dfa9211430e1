"""Who hears about what in the sharing flow, and in which words (templates/workflows/sharing/emails/).

Messages are queued (workflows.core.mail) inside the transaction of the step that caused them."""

from __future__ import annotations

from regions import access
from workflows.core import mail
from workflows.core.nodes import task_url
from workflows.sharing.flows import LessonFlow

TEMPLATES = "workflows/sharing/emails/"


def _context(submission, url: str, **extra) -> dict:
    return {
        "region_name": submission.region.name,
        "title": submission.title,
        "version": submission.version,
        "url": mail.absolute(url),
        **extra,
    }


def _team(submission) -> list[str]:
    return access.emails_of(access.region_team(submission.region))


def task_created(*, task, submission) -> None:
    """The review task goes to the people who review the region; a write task after requested
    changes goes back to the region's team (a new draft needs no message: its writer started it)."""
    if task.flow_task == LessonFlow.review:
        mail.queue(
            TEMPLATES + "lesson_review",
            access.emails_of(access.region_reviewers(submission.region)),
            _context(submission, task_url(task)),
        )
    elif submission.state == submission.State.CHANGES:
        last = submission.events.filter(kind="changes").order_by("-created_at", "-pk").first()
        context = _context(submission, task_url(task), message=last.message if last else "")
        mail.queue(TEMPLATES + "lesson_changes", _team(submission), context)


def lesson_published(*, submission, message: str) -> None:
    url = submission.page.url if submission.page_id and submission.page.url else submission.get_absolute_url()
    mail.queue(TEMPLATES + "lesson_published", _team(submission), _context(submission, url, message=message))


def lesson_declined(*, submission, message: str) -> None:
    mail.queue(
        TEMPLATES + "lesson_declined",
        _team(submission),
        _context(submission, submission.get_absolute_url(), message=message),
    )
