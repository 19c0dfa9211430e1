"""Writes of the library of lessons."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.models import Site

from learning.library.models import LessonIndexPage


def library_index() -> LessonIndexPage:
    """The library's index page; made (and published) under the site's home page when there is none yet."""
    index = LessonIndexPage.objects.order_by("pk").first()
    if index is not None:
        return index
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise ValidationError(_("The public site has no home page yet."))
    index = LessonIndexPage(
        title=_("Lessons from the regions"),
        slug="lessen",
        intro=_("What the inspiration regions learned, for everyone who works on the same questions."),
    )
    site.root_page.add_child(instance=index)
    index.save_revision().publish()
    return index
