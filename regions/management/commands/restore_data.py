from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from regions.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup folder made by backup_data into a database (default: DATABASE_URL) and the upload folders."

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument("--database-url", default=None, help="Target database (must exist); default DATABASE_URL.")

    def handle(self, folder, database_url=None, **options):
        target = database_url or settings.DATABASE_URL
        try:
            manifest = restore(
                Path(folder),
                database_url=target,
                media_root=Path(settings.MEDIA_ROOT),
                private_root=Path(settings.PRIVATE_MEDIA_ROOT),
            )
        except (BackupError, FileNotFoundError) as error:
            raise CommandError(str(error)) from error
        counts = ", ".join(f"{k}={v}" for k, v in manifest["counts"].items())
        self.stdout.write(self.style.SUCCESS(f"Restored backup of {manifest['created']} ({counts})."))
