from django.core.management.base import BaseCommand

from cms import demo as cms_demo
from learning import demo as learning_demo
from regions import demo as regions_demo
from workflows.enrolment import demo as enrolment_demo
from workflows.reporting import demo as reporting_demo
from workflows.sharing import demo as sharing_demo


class Command(BaseCommand):
    help = "Build the demo: organisations, regions, one account per role and the public site. Idempotent."

    def handle(self, *args, **options):
        for name, builder in (
            ("regions", regions_demo.build),
            ("cms", cms_demo.build),
            ("enrolment", enrolment_demo.build),  # before learning: it gives the accepted region its history
            ("learning", learning_demo.build),
            ("reporting", reporting_demo.build),
            ("sharing", sharing_demo.build),
        ):
            result = builder()
            self.stdout.write(f"{name}: " + ", ".join(f"{k}={v}" for k, v in result.items()))
        self.stdout.write(
            self.style.SUCCESS(f"Demo ready. Every demo account's password: {regions_demo.DEMO_PASSWORD}")
        )
