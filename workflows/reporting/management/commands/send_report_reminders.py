"""Remind region teams of progress reports: before the due date and when overdue, exactly once per
report and moment; first it opens the rounds whose opening day has come. Run it daily (cron or a
systemd timer); the e-mail goes through the task worker (``manage.py db_worker --backend email``)."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from workflows.reporting.services import REMINDER_DAYS_BEFORE, report_reminders_send, rounds_open_due


class Command(BaseCommand):
    help = "Send the due-soon and overdue reminders for progress reports (each exactly once)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days-before",
            type=int,
            default=REMINDER_DAYS_BEFORE,
            help=f"Remind this many days before the due date (default {REMINDER_DAYS_BEFORE}).",
        )
        parser.add_argument("--today", help="Act as if today were this date (YYYY-MM-DD), for catching up.")

    def handle(self, *args, days_before, today=None, **options):
        if days_before < 0:
            raise CommandError("--days-before cannot be negative.")
        try:
            day = datetime.date.fromisoformat(today) if today else None
        except ValueError as error:
            raise CommandError(f"--today: {error}") from error
        for reporting_round in rounds_open_due(today=day):
            self.stdout.write(f"opened round: {reporting_round.name}")
        sent = report_reminders_send(today=day, days_before=days_before)
        self.stdout.write(", ".join(f"{moment}={count}" for moment, count in sent.items()))
