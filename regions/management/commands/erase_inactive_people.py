from django.core.management.base import BaseCommand

from regions.privacy import RETENTION_DAYS, inactive_people, person_erase


class Command(BaseCommand):
    help = f"Erase the personal data of accounts unused for {RETENTION_DAYS} days (retention period, AVG)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only list who would be erased.")

    def handle(self, *args, dry_run=False, **options):
        people = list(inactive_people())
        for person in people:
            self.stdout.write(("would erase " if dry_run else "erasing ") + person.username)
            if not dry_run:
                person_erase(user=person)
        self.stdout.write(f"{len(people)} account(s) {'to erase' if dry_run else 'erased'}.")
