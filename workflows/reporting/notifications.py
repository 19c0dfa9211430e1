"""Who hears about what in the reporting flow, and in which words (templates/workflows/reporting/emails/).

Messages are queued (workflows.core.mail) inside the transaction of the step that caused them."""

from __future__ import annotations

from regions import access
from workflows.core import mail
from workflows.core.nodes import task_url
from workflows.reporting.flows import ReportingFlow

TEMPLATES = "workflows/reporting/emails/"


def _context(report, url: str, **extra) -> dict:
    return {
        "region_name": report.region.name,
        "round_name": report.round.name,
        "due_on": report.round.due_on,
        "version": report.version,
        "url": mail.absolute(url),
        **extra,
    }


def _team(report) -> list[str]:
    return access.emails_of(access.region_team(report.region))


def task_created(*, task, report) -> None:
    """The fill task waits for the region's team (first time, or with the reviewer's questions);
    the review task for the people who review the region."""
    if task.flow_task == ReportingFlow.review:
        mail.queue(
            TEMPLATES + "report_review",
            access.emails_of(access.region_reviewers(report.region)),
            _context(report, task_url(task)),
        )
    elif report.version == 0:
        mail.queue(TEMPLATES + "report_opened", _team(report), _context(report, task_url(task)))
    else:
        last = report.events.filter(kind="questions").order_by("-created_at", "-pk").first()
        context = _context(report, task_url(task), message=last.message if last else "")
        mail.queue(TEMPLATES + "report_questions", _team(report), context)


def report_accepted(*, report, message: str) -> None:
    mail.queue(
        TEMPLATES + "report_accepted", _team(report), _context(report, report.get_absolute_url(), message=message)
    )


def reminder(*, report, overdue: bool, days_left: int, url: str) -> int:
    """A reminder to the region's team; returns the number of recipients."""
    recipients = _team(report)
    mail.queue(TEMPLATES + "report_reminder", recipients, _context(report, url, overdue=overdue, days_left=days_left))
    return len(recipients)
