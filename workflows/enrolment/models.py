"""Durable records of the enrolment process: the application (with every submitted version), the
reviews per assigned organisation, the timeline of steps, and the comment thread.

The viewflow process (EnrolmentProcess, a proxy) only carries small process-local state; everything
people read later lives here. Who may see what is decided in workflows/enrolment/access.py.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from viewflow import jsonstore
from viewflow.workflow.models import Process, Task

from learning.models import Advice
from regions.models import Municipality, Organisation, Region, Samenwerkingsverband
from workflows.core.models import FlowEvent, FlowVersion

# An application is reviewed by one to three coalition member organisations.
MAX_REVIEWERS = 3


class EnrolmentProcess(Process):
    """The viewflow process of one application; the application itself is EnrolmentApplication."""

    intake_outcome = jsonstore.CharField(max_length=20, blank=True)
    decision_outcome = jsonstore.CharField(max_length=20, blank=True)

    class Meta:
        proxy = True
        verbose_name = _("enrolment process")
        verbose_name_plural = _("enrolment processes")


class EnrolmentApplication(models.Model):
    """A region's application to become an inspiratieregio."""

    class Status(models.TextChoices):
        # Machine names are stable (stored, filtered on, used in URLs); only labels are translated.
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("awaiting intake")
        IN_REVIEW = "in_review", _("in review")
        AWAITING_DECISION = "awaiting_decision", _("awaiting decision")
        CHANGES_REQUESTED = "changes_requested", _("changes requested")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")

    EDITABLE = (Status.DRAFT, Status.CHANGES_REQUESTED)
    OPEN = (Status.SUBMITTED, Status.IN_REVIEW, Status.AWAITING_DECISION, Status.CHANGES_REQUESTED)

    region = models.OneToOneField(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="enrolment_application"
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applicant"),
        on_delete=models.PROTECT,
        related_name="enrolment_applications",
    )
    process = models.OneToOneField(
        Process,
        verbose_name=_("process"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="enrolment_application",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    round = models.PositiveSmallIntegerField(_("submission round"), default=0)
    municipalities = models.ManyToManyField(Municipality, verbose_name=_("municipalities"), blank=True)
    samenwerkingsverbanden = models.ManyToManyField(
        Samenwerkingsverband, verbose_name=_("samenwerkingsverbanden"), blank=True
    )
    partners = models.TextField(
        _("partner organisations"), blank=True, help_text=_("One organisation per line: schools, care providers...")
    )
    development_question = models.TextField(_("development question (ontwikkelvraag)"), blank=True)
    public_summary = models.TextField(
        _("public summary"),
        blank=True,
        help_text=_("Two or three sentences about the region. Published on the region's public page once accepted."),
    )
    advices = models.ManyToManyField(Advice, verbose_name=_("advices"), blank=True)
    ambition = models.TextField(_("ambition"), blank=True)
    activities = models.TextField(_("planned activities"), blank=True)
    verbinder_1_name = models.CharField(_("name of the first verbinder"), max_length=120, blank=True)
    verbinder_1_email = models.EmailField(_("e-mail of the first verbinder"), blank=True)
    verbinder_2_name = models.CharField(_("name of the second verbinder"), max_length=120, blank=True)
    verbinder_2_email = models.EmailField(_("e-mail of the second verbinder"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, db_index=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("enrolment application")
        verbose_name_plural = _("enrolment applications")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="draft") | models.Q(round__gte=1),
                name="enrolment_submitted_has_round",
            )
        ]

    def __str__(self):
        return str(self.region)

    def get_absolute_url(self):
        return reverse("enrolment:application_detail", args=[self.pk])

    @property
    def is_editable(self):
        return self.status in self.EDITABLE


class ApplicationVersion(FlowVersion):
    """What the region submitted in one round, frozen (every version is kept)."""

    application = models.ForeignKey(EnrolmentApplication, on_delete=models.CASCADE, related_name="versions")

    class Meta(FlowVersion.Meta):
        verbose_name = _("application version")
        verbose_name_plural = _("application versions")
        constraints = [models.UniqueConstraint(fields=["application", "number"], name="unique_application_version")]

    def __str__(self):
        return f"{self.application} v{self.number}"


class Review(models.Model):
    """The review by one assigned coalition member organisation, in one submission round."""

    class Recommendation(models.TextChoices):
        ACCEPT = "accept", _("accept")
        ACCEPT_WITH_CONDITIONS = "accept_conditions", _("accept with conditions")
        REJECT = "reject", _("reject")

    application = models.ForeignKey(EnrolmentApplication, on_delete=models.CASCADE, related_name="reviews")
    round = models.PositiveSmallIntegerField(_("submission round"))
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="enrolment_reviews"
    )
    is_connector = models.BooleanField(_("coalitieverbinder"), default=False)
    task = models.OneToOneField(Task, on_delete=models.SET_NULL, null=True, blank=True, related_name="enrolment_review")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewer"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recommendation = models.CharField(_("recommendation"), max_length=20, choices=Recommendation.choices, blank=True)
    motivation = models.TextField(_("motivation"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    class Meta:
        ordering = ["round", "-is_connector", "organisation__name"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.UniqueConstraint(fields=["application", "round", "organisation"], name="unique_review_per_round"),
            models.UniqueConstraint(
                fields=["application", "round"],
                condition=models.Q(is_connector=True),
                name="one_connector_per_round",
            ),
            models.CheckConstraint(
                condition=models.Q(submitted_at__isnull=True) | ~models.Q(recommendation=""),
                name="submitted_review_has_recommendation",
            ),
        ]

    def __str__(self):
        return f"{self.application} / {self.organisation}"


class ApplicationEvent(FlowEvent):
    """One step in the application's timeline: who did what, when, with which motivation."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("submitted")
        RESUBMITTED = "resubmitted", _("resubmitted")
        INTAKE_COMPLETE = "intake_complete", _("intake: complete")
        INTAKE_INCOMPLETE = "intake_incomplete", _("intake: incomplete, returned to the region")
        REVIEWED = "reviewed", _("review given")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")
        CHANGES_REQUESTED = "changes_requested", _("changes requested")

    application = models.ForeignKey(EnrolmentApplication, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("step"), max_length=20, choices=Kind.choices)
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    round = models.PositiveSmallIntegerField(_("submission round"))
    detail = models.CharField(_("outcome"), max_length=40, blank=True)
    motivation = models.TextField(_("motivation"), blank=True)

    class Meta(FlowEvent.Meta):
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")


class Comment(models.Model):
    """A message on an application. Internal notes are for the coalition and programme office only."""

    application = models.ForeignKey(EnrolmentApplication, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    body = models.TextField(_("message"))
    internal = models.BooleanField(_("internal note"), default=False)
    created_at = models.DateTimeField(_("posted"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self):
        return f"{self.application}: {self.body[:40]}"
