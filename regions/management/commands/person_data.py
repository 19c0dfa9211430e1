import json

from django.core.management.base import BaseCommand, CommandError

from regions.models import User
from regions.privacy import person_erase, person_export


class Command(BaseCommand):
    help = "AVG requests: export a person's data as JSON (--export) or erase it (--erase)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--export", action="store_true")
        group.add_argument("--erase", action="store_true")

    def handle(self, username, export=False, erase=False, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No account with username {username!r}.")
        if export:
            self.stdout.write(json.dumps(person_export(user), indent=2, ensure_ascii=False))
        else:
            person_erase(user=user)
            self.stdout.write(f"Personal data of account #{user.pk} erased.")
