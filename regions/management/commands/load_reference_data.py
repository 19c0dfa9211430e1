from django.core.management.base import BaseCommand

from regions.reference_data import load_reference_data


class Command(BaseCommand):
    help = "Load municipalities, samenwerkingsverbanden and national organisations from regions/data/."

    def handle(self, *args, **options):
        counts = load_reference_data()
        for name, count in counts.items():
            self.stdout.write(f"{name}: {count}")
