"""Durable records of progress reporting: reporting rounds, one progress report per region and round
(with the narrative per advice, reported indicator values, every submitted version and the timeline),
and the reminders that were sent. The viewflow process of a report only carries the steps."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learning.models import Advice, SchoolType
from workflows.core.models import FlowVersion, VersionedEvent


def round_dates_check(reporting_round) -> None:
    """The dates of a round hang together: the period ends before the reports are due, and the round
    opens before it is due (raises a ValidationError per field). Used by the form, the service and the
    admin, so the rule lives once."""
    errors = {}
    r = reporting_round
    if r.period_start and r.period_end and r.period_end < r.period_start:
        errors["period_end"] = _("The period cannot end before it starts.")
    if r.period_end and r.due_on and r.period_end > r.due_on:
        errors["period_end"] = _("The period cannot end after the due date: a report is about a period that is over.")
    if r.opens_on and r.due_on and r.due_on < r.opens_on:
        errors["due_on"] = _("The due date cannot be before the round opens.")
    if errors:
        raise ValidationError(errors)


class ReportingRound(models.Model):
    """A reporting round set by the programme office (for example every half year): the period the
    reports are about, when the round opens and when the reports are due."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period until"))
    opens_on = models.DateField(_("opens on"))
    due_on = models.DateField(_("due on"))
    opened_at = models.DateTimeField(_("opened"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-period_start", "-pk"]
        verbose_name = _("reporting round")
        verbose_name_plural = _("reporting rounds")
        constraints = [
            models.CheckConstraint(condition=models.Q(period_end__gte=models.F("period_start")), name="round_period"),
            models.CheckConstraint(condition=models.Q(due_on__gte=models.F("opens_on")), name="round_due_after_open"),
            models.CheckConstraint(
                condition=models.Q(due_on__gte=models.F("period_end")), name="round_due_after_period"
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        round_dates_check(self)


class ProgressReport(models.Model):
    """One region's progress report in one round. The viewflow process (``process``) carries the
    steps; this row and its versions are what people read later."""

    class State(models.TextChoices):
        # Machine names are stable (stored, filtered on, used in URLs); only labels are translated.
        DRAFT = "draft", _("being written")
        SUBMITTED = "submitted", _("awaiting review")
        QUESTIONS = "questions", _("questions to the region")
        ACCEPTED = "accepted", _("accepted")

    EDITABLE = (State.DRAFT, State.QUESTIONS)

    region = models.ForeignKey(
        "regions.Region", verbose_name=_("region"), on_delete=models.CASCADE, related_name="progress_reports"
    )
    round = models.ForeignKey(
        ReportingRound, verbose_name=_("reporting round"), on_delete=models.PROTECT, related_name="reports"
    )
    process = models.OneToOneField(
        "viewflow.Process", on_delete=models.SET_NULL, null=True, blank=True, related_name="progress_report"
    )
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.DRAFT, db_index=True)
    next_steps = models.TextField(_("next steps"), blank=True, max_length=4000)
    version = models.PositiveSmallIntegerField(_("version"), default=0)
    snapshot = models.JSONField(_("checklist at submission"), default=dict, blank=True)
    documents = models.ManyToManyField("regions.RegionDocument", verbose_name=_("appendices"), blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    class Meta:
        ordering = ["-round__period_start", "region__name"]
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        constraints = [
            models.UniqueConstraint(fields=["region", "round"], name="unique_report_per_round"),
            models.CheckConstraint(
                condition=models.Q(state="draft") | models.Q(version__gte=1), name="submitted_report_has_version"
            ),
        ]

    def __str__(self):
        return f"{self.region_id} / {self.round_id}"

    def get_absolute_url(self):
        return reverse("reports:report_detail", args=[self.pk])

    @property
    def is_editable(self):
        return self.state in self.EDITABLE


class ReportNarrative(models.Model):
    """What the region writes about one advice in a report (the draft; submitted text lives in the versions)."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="narratives")
    advice = models.ForeignKey(Advice, verbose_name=_("advice"), on_delete=models.PROTECT, related_name="+")
    changed = models.TextField(_("what changed"), blank=True, max_length=4000)
    helped = models.TextField(_("what helped"), blank=True, max_length=4000)
    blocked = models.TextField(_("what blocked"), blank=True, max_length=4000)

    class Meta:
        ordering = ["advice__number"]
        verbose_name = _("narrative per advice")
        verbose_name_plural = _("narratives per advice")
        constraints = [models.UniqueConstraint(fields=["report", "advice"], name="unique_report_narrative")]

    def __str__(self):
        return f"{self.report_id}: {self.advice_id}"


class ReportIndicator(models.Model):
    """An indicator value (youth care use, %) reported in a report."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="indicators")
    school_type = models.CharField(_("school type"), max_length=4, choices=SchoolType.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("youth care use (%)"), max_digits=5, decimal_places=2)
    source = models.CharField(_("source"), max_length=200)

    class Meta:
        ordering = ["school_type", "year"]
        verbose_name = _("reported indicator value")
        verbose_name_plural = _("reported indicator values")
        constraints = [
            models.UniqueConstraint(fields=["report", "school_type", "year"], name="unique_report_indicator"),
            models.CheckConstraint(
                condition=models.Q(value__gte=0, value__lte=100), name="report_indicator_percentage"
            ),
        ]

    def __str__(self):
        return f"{self.school_type} {self.year}: {self.value}%"


class ProgressReportVersion(FlowVersion):
    """What the region submitted, frozen (every submission in the questions loop is kept)."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="versions")

    class Meta(FlowVersion.Meta):
        verbose_name = _("progress report version")
        verbose_name_plural = _("progress report versions")
        constraints = [models.UniqueConstraint(fields=["report", "number"], name="unique_report_version")]


class ReportEvent(VersionedEvent):
    """One step in a report's timeline: submitted, questions back to the region, accepted."""

    class Kind(models.TextChoices):
        OPENED = "opened", _("round opened")
        SUBMITTED = "submitted", _("submitted")
        QUESTIONS = "questions", _("questions to the region")
        ACCEPTED = "accepted", _("accepted")

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("step"), max_length=12, choices=Kind.choices)

    class Meta(VersionedEvent.Meta):
        verbose_name = _("report timeline entry")
        verbose_name_plural = _("report timeline entries")


class ReportReminder(models.Model):
    """A reminder that was sent: one per report and moment, guaranteed by the unique constraint."""

    class Moment(models.TextChoices):
        DUE_SOON = "due_soon", _("due soon")
        OVERDUE = "overdue", _("overdue")

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="reminders")
    moment = models.CharField(_("moment"), max_length=10, choices=Moment.choices)
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    recipients = models.PositiveSmallIntegerField(_("recipients"), default=0)

    class Meta:
        verbose_name = _("report reminder")
        verbose_name_plural = _("report reminders")
        constraints = [models.UniqueConstraint(fields=["report", "moment"], name="unique_report_reminder")]

    def __str__(self):
        return f"{self.report_id}: {self.moment}"
