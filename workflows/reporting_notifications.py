"""Who hears about what in the reporting flow, and in which words (templates/emails/report_*, Dutch).

Messages are queued on the ``email`` task backend (workflows.tasks.send_email) inside the
transaction of the step that caused them, like the enrolment flow's (workflows.notifications).
"""

from __future__ import annotations

from regions import access
from regions.models import User
from workflows.notifications import _absolute, _queue


def team_emails(region) -> list[str]:
    return list(
        User.objects.filter(is_active=True, region_memberships__region=region)
        .exclude(email="")
        .values_list("email", flat=True)
    )


def _context(report, url: str, **extra) -> dict:
    return {
        "region_name": report.region.name,
        "round_name": report.round.name,
        "due_on": report.round.due_on,
        "version": report.version,
        "url": _absolute(url),
        **extra,
    }


def task_created(*, task, report) -> None:
    """The fill task waits for the region's team (first time, or with the reviewer's questions);
    the review task for the people who review the region."""
    from workflows.nodes import task_url
    from workflows.reporting import ReportingFlow

    if task.flow_task == ReportingFlow.review:
        _queue("report_review", access.report_reviewer_emails(report.region), _context(report, task_url(task)))
    elif report.version == 0:
        _queue("report_opened", team_emails(report.region), _context(report, task_url(task)))
    else:
        last = report.events.filter(kind="questions").order_by("-created_at", "-pk").first()
        context = _context(report, task_url(task), message=last.message if last else "")
        _queue("report_questions", team_emails(report.region), context)


def report_accepted(*, report, message: str) -> None:
    _queue("report_accepted", team_emails(report.region), _context(report, report.get_absolute_url(), message=message))


def reminder(*, report, overdue: bool, days_left: int, url: str) -> int:
    """A reminder to the region's team; returns the number of recipients."""
    recipients = team_emails(report.region)
    _queue("report_reminder", recipients, _context(report, url, overdue=overdue, days_left=days_left))
    return len(set(recipients))
