from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class RegionsConfig(AppConfig):
    name = "regions"
    verbose_name = _("Organisations and regions")

    def ready(self):
        from regions import audit
        from regions.setup import ensure_role_groups

        audit.connect()

        # Set-up, not a business rule: keep the role groups present after every migrate.
        post_migrate.connect(ensure_role_groups, dispatch_uid="regions.ensure_role_groups")
