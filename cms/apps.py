from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Public site")

    def ready(self):
        from cms.setup import ensure_cms_permissions

        post_migrate.connect(ensure_cms_permissions, dispatch_uid="cms.ensure_cms_permissions")
