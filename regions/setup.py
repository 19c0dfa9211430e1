"""Idempotent set-up of the role groups and what each may do in Wagtail admin.

Runs after every `migrate` (post_migrate, see RegionsConfig.ready), so a fresh database, the
demo and the test database all have the same groups and permissions.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from regions.roles import Role

PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)
# Reference data the programme office keeps up to date as snippets in Wagtail admin.
REFERENCE_DATA_MODELS = (
    ("regions", "organisation"),
    ("regions", "region"),
    ("regions", "municipality"),
    ("regions", "samenwerkingsverband"),
    ("learning", "advice"),
    ("learning", "checklistitem"),
)


def _permission(app_label, codename):
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


def ensure_role_groups(**_kwargs) -> None:
    groups = {
        role: Group.objects.get_or_create(name=role)[0]
        for role in (Role.COALITION_REVIEWER, Role.COALITION_CONNECTOR, Role.PROGRAMME_OFFICE, Role.CONTENT_EDITOR)
    }
    editors = (groups[Role.CONTENT_EDITOR], groups[Role.PROGRAMME_OFFICE])

    access_admin = _permission("wagtailadmin", "access_admin")
    if access_admin is None:  # Wagtail's permissions are not created yet in this migrate run
        return
    for group in editors:
        group.permissions.add(access_admin)

    office = groups[Role.PROGRAMME_OFFICE]
    for app_label, model in REFERENCE_DATA_MODELS:
        for verb in ("add", "change", "view"):
            permission = _permission(app_label, f"{verb}_{model}")
            if permission:
                office.permissions.add(permission)

    site_roots = Page.objects.filter(depth=2)
    root_collection = Collection.get_first_root_node()
    for group in editors:
        for page in site_roots:
            for codename in PAGE_PERMISSIONS:
                permission = _permission("wagtailcore", codename)
                if permission:
                    GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
        if root_collection is not None:
            for app_label, codename in COLLECTION_PERMISSIONS:
                permission = _permission(app_label, codename)
                if permission:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=root_collection, permission=permission
                    )
