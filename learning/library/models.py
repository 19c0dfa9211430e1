"""The public library of lessons: its index page and one page per published lesson.

Lesson pages are created and updated only by the sharing flow (workflows.sharing); what the public
sees of them starts from ``LessonPage.objects.for_everyone()``: live pages not behind a view restriction.
The library, its search, the feeds, the API and the pages that list lessons all start there.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from learning.library import selectors
from learning.models import LESSON_RICH_TEXT_FEATURES, LessonFields, LessonTheme


class LessonPageQuerySet(PageQuerySet):
    def for_everyone(self):
        """The lesson pages anyone may read: live and not behind a view restriction."""
        return self.live().public()

    def listing(self):
        """With what a listing shows, fetched in a fixed number of queries."""
        return self.select_related("region").prefetch_related("advices", "themes")

    def newest(self, limit: int = 6) -> list:
        return list(self.order_by("-first_published_at", "-pk")[:limit])


LessonPageManager = PageManager.from_queryset(LessonPageQuerySet)


class LessonIndexPage(Page):
    """The public library of lessons: filters, Dutch full-text search, sorting and pagination, all
    kept in the URL (learning.library.selectors does the work)."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["library.LessonPage"]
    max_count = 1

    class Meta:
        verbose_name = _("lesson library")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.library(LessonPage.objects.for_everyone(), request.GET))
        return context

    def filtered_url(self, **params) -> str:
        """The library's URL with filters (for example ``advice=1``)."""
        return f"{self.url}?{urlencode(params)}" if params else self.url


class LessonPage(Page):
    """One published lesson. Created and updated only by the sharing flow; its URL never changes."""

    region = models.ForeignKey(
        "regions.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="lesson_pages"
    )
    summary = models.TextField(_("summary"), max_length=600)
    situation = RichTextField(_("the situation"), features=LESSON_RICH_TEXT_FEATURES, blank=True)
    approach = RichTextField(_("what we did"), features=LESSON_RICH_TEXT_FEATURES, blank=True)
    worked = RichTextField(_("what worked"), features=LESSON_RICH_TEXT_FEATURES, blank=True)
    did_not_work = RichTextField(_("what did not work"), features=LESSON_RICH_TEXT_FEATURES, blank=True)
    tips = RichTextField(_("tips for other regions"), features=LESSON_RICH_TEXT_FEATURES, blank=True)
    partners = models.TextField(_("partners involved"), blank=True, max_length=1000)
    life_domains = models.CharField(_("life domains"), max_length=60, blank=True, db_index=True)
    school_types = models.CharField(_("school types"), max_length=60, blank=True, db_index=True)
    advices = ParentalManyToManyField("learning.Advice", verbose_name=_("advices"), blank=True, related_name="+")
    themes = ParentalManyToManyField(LessonTheme, verbose_name=_("themes"), blank=True, related_name="+")
    contact_name = models.CharField(
        _("contact person"), max_length=120, blank=True, help_text=_("Only with the person's explicit consent.")
    )
    lesson_date = models.DateField(_("date"), default=timezone.localdate, db_index=True)

    content_panels = Page.content_panels + [
        FieldPanel("region"),
        FieldPanel("summary"),
        FieldPanel("situation"),
        FieldPanel("approach"),
        FieldPanel("worked"),
        FieldPanel("did_not_work"),
        FieldPanel("tips"),
        MultiFieldPanel(
            [FieldPanel("advices"), FieldPanel("themes"), FieldPanel("life_domains"), FieldPanel("school_types")],
            heading=_("Classification"),
        ),
        FieldPanel("partners"),
        FieldPanel("contact_name"),
        FieldPanel("lesson_date"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("situation"),
        index.SearchField("approach"),
        index.SearchField("worked"),
        index.SearchField("did_not_work"),
        index.SearchField("tips"),
        index.SearchField("partners"),
        index.FilterField("region"),
        index.FilterField("lesson_date"),
    ]
    api_fields = [
        APIField("region", serializer=serializers.CharField(source="region.name")),
        APIField("summary"),
        APIField("situation"),
        APIField("approach"),
        APIField("worked"),
        APIField("did_not_work"),
        APIField("tips"),
        APIField("partners"),
        APIField("advices", serializer=serializers.StringRelatedField(many=True)),
        APIField("themes", serializer=serializers.StringRelatedField(many=True)),
        APIField("life_domains", serializer=serializers.ListField(source="life_domain_list")),
        APIField("school_types", serializer=serializers.ListField(source="school_type_list")),
        APIField("contact_name"),
        APIField("lesson_date"),
    ]
    parent_page_types = ["library.LessonIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    life_domain_list = LessonFields.life_domain_list
    school_type_list = LessonFields.school_type_list
    life_domain_labels = LessonFields.life_domain_labels
    school_type_labels = LessonFields.school_type_labels

    objects = LessonPageManager()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.lesson_detail(self, LessonPage.objects.for_everyone(), request))
        return context


class LessonPageFile(Orderable):
    """An image or document shown on a published lesson page (copied there by the sharing flow)."""

    class Kind(models.TextChoices):
        IMAGE = "image", _("image")
        DOCUMENT = "document", _("document")

    page = ParentalKey(LessonPage, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    alt_text = models.CharField(_("description of the image"), max_length=250, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("file of a lesson page")
        verbose_name_plural = _("files of lesson pages")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="image", image__isnull=False, document__isnull=True)
                | models.Q(kind="document", document__isnull=False, image__isnull=True),
                name="lesson_page_file_kind",
            )
        ]

    def __str__(self):
        return str(self.image or self.document)
