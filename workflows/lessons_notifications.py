"""Who hears about what in the sharing flow, and in which words (templates/emails/lesson_*, Dutch).

Messages are queued on the ``email`` task backend inside the transaction of the step that caused
them, like the other flows' (workflows.notifications)."""

from __future__ import annotations

from regions import access
from workflows.notifications import _absolute, _queue
from workflows.reporting_notifications import team_emails


def _context(submission, url: str, **extra) -> dict:
    return {
        "region_name": submission.region.name,
        "title": submission.title,
        "version": submission.version,
        "url": _absolute(url),
        **extra,
    }


def task_created(*, task, submission) -> None:
    """The review task goes to the people who review the region; a write task after requested
    changes goes back to the region's team (a new draft needs no message: its writer started it)."""
    from workflows.lessons import LessonFlow
    from workflows.nodes import task_url

    if task.flow_task == LessonFlow.review:
        _queue("lesson_review", access.report_reviewer_emails(submission.region), _context(submission, task_url(task)))
    elif submission.state == submission.State.CHANGES:
        last = submission.events.filter(kind="changes").order_by("-created_at", "-pk").first()
        context = _context(submission, task_url(task), message=last.message if last else "")
        _queue("lesson_changes", team_emails(submission.region), context)


def lesson_published(*, submission, message: str) -> None:
    url = submission.page.url if submission.page_id and submission.page.url else submission.get_absolute_url()
    _queue("lesson_published", team_emails(submission.region), _context(submission, url, message=message))


def lesson_declined(*, submission, message: str) -> None:
    _queue(
        "lesson_declined",
        team_emails(submission.region),
        _context(submission, submission.get_absolute_url(), message=message),
    )
