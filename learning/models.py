"""The coalition's advices (Mét andere ogen, 2018) and, later, what regions do with them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


class Advice(index.Indexed, models.Model):
    """One of the seven advices; the two core advices (kernadviezen) are marked.

    Reference content: the programme office edits it as a snippet in Wagtail admin.
    """

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    short_title = models.CharField(_("short title"), max_length=60)
    is_core = models.BooleanField(_("core advice (kernadvies)"), default=False)
    summary = models.TextField(_("summary"), blank=True)

    search_fields = [index.SearchField("title"), index.SearchField("summary"), index.FilterField("is_core")]

    class Meta:
        ordering = ["-is_core", "number"]
        verbose_name = _("advice")
        verbose_name_plural = _("advices")

    def __str__(self):
        return f"{self.number}. {self.short_title}"
