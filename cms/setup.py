"""Idempotent set-up after every `migrate`: the programme office and content editors may keep the
organisations' logos for the public site (a snippet) up to date in Wagtail admin."""

from django.contrib.auth.models import Group, Permission

from regions.roles import Role

LOGO_PERMISSIONS = (
    "add_organisationlogo",
    "change_organisationlogo",
    "delete_organisationlogo",
    "view_organisationlogo",
)


def ensure_cms_permissions(**_kwargs) -> None:
    permissions = list(Permission.objects.filter(content_type__app_label="cms", codename__in=LOGO_PERMISSIONS))
    if len(permissions) < len(LOGO_PERMISSIONS):  # not created yet in this migrate run
        return
    for role in (Role.PROGRAMME_OFFICE, Role.CONTENT_EDITOR):
        Group.objects.get_or_create(name=role)[0].permissions.add(*permissions)
