from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from regions.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database and the uploaded files into a new folder (default var/backups/<time>)."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="Folder to create for this backup.")

    def handle(self, *args, output=None, **options):
        folder = (
            Path(output) if output else settings.BASE_DIR / "var" / "backups" / timezone.now().strftime("%Y%m%d-%H%M%S")
        )
        try:
            backup(folder)
        except (BackupError, FileExistsError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backup written to {folder}"))
