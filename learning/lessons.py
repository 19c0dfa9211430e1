"""Lessons: what one region learned, written by its team, reviewed by its paired coalition
organisation and published as a public page in the library of lessons.

``LessonSubmission`` is the durable record of the sharing flow (workflows.lessons): the draft the
team writes, with every submitted version kept in ``LessonVersion`` and the steps in ``LessonEvent``.
On approval the text is copied (sanitised) to a ``LessonPage`` under the ``LessonIndexPage``; a
later correction goes through the same flow and updates that page, which keeps its URL.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from regions.uploads import private_storage

__all__ = [
    "CodeList",
    "LessonAttachment",
    "LessonEvent",
    "LessonIndexPage",
    "LessonPage",
    "LessonSubmission",
    "LessonTheme",
    "LessonVersion",
    "LifeDomain",
]

LESSON_RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class LifeDomain(models.TextChoices):
    """A young person's life domains (leefdomeinen)."""

    HOME = "thuis", _("home (thuis)")
    SCHOOL = "school", _("school")
    LEISURE = "vrije_tijd", _("leisure (vrije tijd)")
    ONLINE = "online", _("online")


class CodeList:
    """Several choices kept in one text column as ``,a,b,`` so that ``__contains=",a,"`` filters
    them on any database (SQLite and PostgreSQL alike) without a join."""

    @staticmethod
    def dump(values) -> str:
        values = [v for v in values if v]
        return f",{','.join(values)}," if values else ""

    @staticmethod
    def load(text: str) -> list[str]:
        return [v for v in (text or "").split(",") if v]


class LessonTheme(models.Model):
    """A theme a lesson is about (for example "thuiszitters", "jeugdhulp op school"). Reference
    content, kept short so that the library's filter stays usable."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("lesson theme")
        verbose_name_plural = _("lesson themes")

    def __str__(self):
        return self.name


class LessonFields(models.Model):
    """The structured content of a lesson, shared by the submission and its public page."""

    summary = models.TextField(_("summary"), max_length=600)
    situation = RichTextField(_("the situation"), features=LESSON_RICH_TEXT_FEATURES, blank=True)
    approach = RichTextField(_("what we did"), features=LESSON_RICH_TEXT_FEATURES, blank=True)
    worked = RichTextField(_("what worked"), features=LESSON_RICH_TEXT_FEATURES, blank=True)
    did_not_work = RichTextField(_("what did not work"), features=LESSON_RICH_TEXT_FEATURES, blank=True)
    tips = RichTextField(_("tips for other regions"), features=LESSON_RICH_TEXT_FEATURES, blank=True)
    partners = models.TextField(_("partners involved"), blank=True, max_length=1000)
    life_domains = models.CharField(_("life domains"), max_length=60, blank=True, db_index=True)
    school_types = models.CharField(_("school types"), max_length=60, blank=True, db_index=True)

    class Meta:
        abstract = True

    @property
    def life_domain_list(self) -> list[str]:
        return CodeList.load(self.life_domains)

    @property
    def school_type_list(self) -> list[str]:
        return CodeList.load(self.school_types)

    @property
    def life_domain_labels(self) -> list[str]:
        labels = dict(LifeDomain.choices)
        return [labels[v] for v in self.life_domain_list if v in labels]

    @property
    def school_type_labels(self) -> list[str]:
        from learning.models import SchoolType

        labels = dict(SchoolType.choices)
        return [labels[v] for v in self.school_type_list if v in labels]


class LessonSubmission(LessonFields):
    """A lesson as the region's team writes it, and its way through review (the sharing flow)."""

    class State(models.TextChoices):
        # Machine names: stored, filtered on and used in URLs; only labels are translated.
        DRAFT = "draft", _("being written")
        SUBMITTED = "submitted", _("awaiting review")
        CHANGES = "changes", _("changes requested")
        PUBLISHED = "published", _("published")
        DECLINED = "declined", _("declined")

    EDITABLE = (State.DRAFT, State.CHANGES)

    region = models.ForeignKey(
        "regions.Region", verbose_name=_("region"), on_delete=models.CASCADE, related_name="lesson_submissions"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    process = models.OneToOneField(
        "viewflow.Process", on_delete=models.SET_NULL, null=True, blank=True, related_name="lesson_submission"
    )
    page = models.OneToOneField(
        "learning.LessonPage",
        verbose_name=_("public page"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submission",
    )
    title = models.CharField(_("title"), max_length=150)
    advices = models.ManyToManyField("learning.Advice", verbose_name=_("advices"), blank=True, related_name="+")
    themes = models.ManyToManyField(LessonTheme, verbose_name=_("themes"), blank=True, related_name="+")
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_consent = models.BooleanField(_("the contact person agreed to be named on the public page"), default=False)
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.DRAFT, db_index=True)
    version = models.PositiveSmallIntegerField(_("version"), default=0)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("lesson submission")
        verbose_name_plural = _("lesson submissions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state="draft") | models.Q(version__gte=1), name="submitted_lesson_has_version"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("lessons:detail", args=[self.pk])

    @property
    def is_editable(self):
        return self.state in self.EDITABLE

    @property
    def public_contact_name(self) -> str:
        """The name the public page may show: only with the person's explicit consent."""
        return self.contact_name if self.contact_consent else ""


class LessonAttachment(models.Model):
    """An image or document added to a lesson; stored privately until the lesson is published,
    then copied to the public site's image or document library."""

    class Kind(models.TextChoices):
        IMAGE = "image", _("image")
        DOCUMENT = "document", _("document")

    submission = models.ForeignKey(LessonSubmission, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    file = models.FileField(_("file"), storage=private_storage, upload_to="lessons/%Y/%m/", max_length=255)
    name = models.CharField(_("file name"), max_length=120)
    alt_text = models.CharField(_("description of the image"), max_length=250, blank=True)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    public_image = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    public_document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("lesson attachment")
        verbose_name_plural = _("lesson attachments")

    def __str__(self):
        return self.name


class LessonVersion(models.Model):
    """What the team submitted, frozen: every round of the change loop is kept."""

    submission = models.ForeignKey(LessonSubmission, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    data = models.JSONField(_("submitted data"))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("lesson version")
        verbose_name_plural = _("lesson versions")
        constraints = [models.UniqueConstraint(fields=["submission", "number"], name="unique_lesson_version")]

    def __str__(self):
        return f"{self.submission_id} v{self.number}"


class LessonEvent(models.Model):
    """One step in a lesson's timeline."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("submitted")
        CHANGES = "changes", _("changes requested")
        PUBLISHED = "published", _("approved and published")
        DECLINED = "declined", _("declined")

    submission = models.ForeignKey(LessonSubmission, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("step"), max_length=12, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    version = models.PositiveSmallIntegerField(_("version"), default=0)
    message = models.TextField(_("message"), blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("lesson timeline entry")
        verbose_name_plural = _("lesson timeline entries")

    def __str__(self):
        return f"{self.submission_id}: {self.kind}"


# --- Public pages ---------------------------------------------------------------------------------
class LessonIndexPage(Page):
    """The public library of lessons: filters, Dutch full-text search, sorting and pagination, all
    kept in the URL (learning.lessons_selectors does the work)."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["learning.LessonPage"]
    max_count = 1

    class Meta:
        verbose_name = _("lesson library")

    def get_context(self, request, *args, **kwargs):
        from learning import lessons_selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(lessons_selectors.library(self, request.GET))
        return context


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
    parent_page_types = ["learning.LessonIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    life_domain_list = LessonFields.life_domain_list
    school_type_list = LessonFields.school_type_list
    life_domain_labels = LessonFields.life_domain_labels
    school_type_labels = LessonFields.school_type_labels

    def get_context(self, request, *args, **kwargs):
        from learning import lessons_selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(lessons_selectors.lesson_detail(self, request))
        return context


from learning import lessons_hooks  # noqa: E402, F401  (registers the audit log actions)
