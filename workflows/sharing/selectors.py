"""Reads of the sharing flow besides its pages' own lists."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from workflows.core.registry import PortalLink
from workflows.sharing import access


def portal_links(user) -> list[PortalLink]:
    """What experience sharing offers ``user`` on the start page."""
    if not access.follows_lessons(user):
        return []
    return [PortalLink(_("Lessons: write, review and follow them"), reverse("lessons:list"))]
