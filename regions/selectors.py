"""Reads about organisations and regions, built once per list (no per-row queries)."""

from __future__ import annotations

from axes.models import AccessFailureLog
from django.db.models import Count, Prefetch, Q, QuerySet
from wagtail.models import ModelLogEntry

from regions import access
from regions.models import Organisation, Region, RegionMembership, User
from regions.roles import GROUP_ROLES


def region_list(*, user, action: str = access.REGION_VIEW) -> QuerySet[Region]:
    """The regions ``user`` may see, with what a list row shows (constant query count)."""
    return (
        access.regions_for(user, action)
        .annotate(
            municipality_count=Count("municipalities", distinct=True),
            member_count=Count("memberships", distinct=True),
        )
        .order_by("name")
    )


def region_detail(*, user, slug: str) -> Region | None:
    """One region the user may see, with its team, places, partners and pairings prefetched."""
    return (
        access.regions_for(user, access.REGION_VIEW)
        .filter(slug=slug)
        .select_related("knowledge_contact__organisation")
        .prefetch_related(
            "municipalities",
            "samenwerkingsverbanden",
            "partner_organisations",
            Prefetch(
                "memberships",
                queryset=RegionMembership.objects.select_related("user__organisation").order_by(
                    "-is_verbinder", "user__last_name"
                ),
            ),
        )
        .first()
    )


def region_pairings(region: Region) -> list[dict]:
    """Paired member organisations of a region, each with its named coalition connectors."""
    organisations = list(
        Organisation.objects.filter(
            group__regiongroupobjectpermission__content_object=region,
            group__regiongroupobjectpermission__permission__codename=access.PAIR_CODENAME,
        ).distinct()
    )
    connectors = list(
        User.objects.filter(
            regionuserobjectpermission__content_object=region,
            regionuserobjectpermission__permission__codename=access.CONNECT_CODENAME,
        )
        .select_related("organisation")
        .distinct()
    )
    return [
        {"organisation": org, "connectors": [u for u in connectors if u.organisation_id == org.pk]}
        for org in organisations
    ]


def region_status_counts(*, user) -> dict[str, int]:
    """Number of visible regions per status, in one query."""
    rows = access.regions_for(user, access.REGION_VIEW).values("status").annotate(n=Count("pk"))
    counts = {status: 0 for status in Region.Status.values}
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


def organisation_detail(*, user, slug: str) -> Organisation | None:
    """One organisation the user may see, with its members and their role groups."""
    return (
        access.organisations_for(user, access.ORGANISATION_VIEW)
        .filter(slug=slug)
        .prefetch_related(
            Prefetch(
                "members",
                queryset=User.objects.filter(is_active=True)
                .order_by("last_name", "first_name")
                .prefetch_related("groups"),
            )
        )
        .first()
    )


def organisation_paired_regions(organisation: Organisation) -> QuerySet[Region]:
    return Region.objects.filter(
        regiongroupobjectpermission__group_id=organisation.group_id,
        regiongroupobjectpermission__permission__codename=access.PAIR_CODENAME,
    ).distinct()


def member_roles(user: User) -> list[str]:
    """Group role names of a user whose groups were prefetched (no query)."""
    return [group.name for group in user.groups.all() if group.name in GROUP_ROLES]


def coalition_members_with_counts() -> QuerySet[Organisation]:
    return Organisation.objects.filter(kind=Organisation.Kind.COALITION_MEMBER).annotate(
        paired_count=Count(
            "group__regiongroupobjectpermission",
            filter=Q(group__regiongroupobjectpermission__permission__codename=access.PAIR_CODENAME),
        )
    )


def region_documents(region: Region) -> list:
    return list(region.documents.select_related("uploaded_by"))


def audit_entries():
    """Every logged action on non-page objects, newest first, with who did it (one query per page)."""
    return ModelLogEntry.objects.select_related("user", "content_type").order_by("-timestamp", "-pk")


def failed_sign_ins(limit: int = 50):
    """Recent failed sign-ins, including usernames that do not exist (recorded by django-axes)."""
    return AccessFailureLog.objects.order_by("-attempt_time")[:limit]
