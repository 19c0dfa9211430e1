from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    """The public library of lessons: its pages, filters, Dutch full-text search, feeds and API."""

    name = "learning.library"
    label = "library"
    verbose_name = _("Library of lessons")
