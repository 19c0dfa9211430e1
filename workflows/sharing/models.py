"""Durable records of the sharing flow: a lesson as the region's team writes it (``LessonSubmission``),
its files, every submitted version and the timeline of its review.

On approval the text is copied (sanitised) to a public ``learning.library.models.LessonPage``; a later
correction goes through the same flow and updates that page, which keeps its URL.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learning.library.models import LessonPage
from learning.models import Advice, LessonFields, LessonTheme
from regions.uploads import private_storage
from workflows.core.models import FlowVersion, VersionedEvent


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
        LessonPage,
        verbose_name=_("public page"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submission",
    )
    title = models.CharField(_("title"), max_length=150)
    advices = models.ManyToManyField(Advice, verbose_name=_("advices"), blank=True, related_name="+")
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


class LessonVersion(FlowVersion):
    """What the team submitted, frozen: every round of the change loop is kept."""

    submission = models.ForeignKey(LessonSubmission, on_delete=models.CASCADE, related_name="versions")

    class Meta(FlowVersion.Meta):
        verbose_name = _("lesson version")
        verbose_name_plural = _("lesson versions")
        constraints = [models.UniqueConstraint(fields=["submission", "number"], name="unique_lesson_version")]


class LessonEvent(VersionedEvent):
    """One step in a lesson's timeline."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("submitted")
        CHANGES = "changes", _("changes requested")
        PUBLISHED = "published", _("approved and published")
        DECLINED = "declined", _("declined")

    submission = models.ForeignKey(LessonSubmission, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("step"), max_length=12, choices=Kind.choices)

    class Meta(VersionedEvent.Meta):
        verbose_name = _("lesson timeline entry")
        verbose_name_plural = _("lesson timeline entries")
