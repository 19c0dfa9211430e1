"""The coalition's advices (Mét andere ogen, 2018) and, later, what regions do with them."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import RevisionMixin
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


class ChecklistItem(RevisionMixin, models.Model):
    """A concrete implementation step for one advice. Content: the programme office edits it as a
    snippet (Wagtail keeps every revision); each change a region records keeps the item's text as it
    was, so history and reports still show what they were made against."""

    advice = models.ForeignKey(
        Advice, verbose_name=_("advice"), on_delete=models.PROTECT, related_name="checklist_items"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    title = models.CharField(_("title"), max_length=200)
    guidance = models.TextField(_("guidance"), blank=True)
    is_active = models.BooleanField(_("in use"), default=True)
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="checklist_item")

    class Meta:
        ordering = ["advice__number", "position"]
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")
        constraints = [models.UniqueConstraint(fields=["advice", "position"], name="unique_checklist_position")]

    def __str__(self):
        return f"{self.advice.number}.{self.position} {self.title}"

    @property
    def revisions(self):
        return self._revisions


class ChecklistStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("not started")
    STARTED = "started", _("started")
    IN_PLACE = "in_place", _("in place")
    EMBEDDED = "embedded", _("embedded")


class RegionAdvice(models.Model):
    """An advice a region works on (chosen in its application; the office can change it)."""

    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="region_advices")
    advice = models.ForeignKey(Advice, on_delete=models.PROTECT, related_name="region_advices")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("advice of a region")
        verbose_name_plural = _("advices of regions")
        constraints = [models.UniqueConstraint(fields=["region", "advice"], name="unique_region_advice")]

    def __str__(self):
        return f"{self.region_id}: {self.advice_id}"


class RegionChecklistItem(models.Model):
    """Where a region stands on one checklist item now; every change is kept in ChecklistChange."""

    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="checklist_items")
    item = models.ForeignKey(ChecklistItem, on_delete=models.PROTECT, related_name="region_states")
    status = models.CharField(
        _("status"), max_length=12, choices=ChecklistStatus.choices, default=ChecklistStatus.NOT_STARTED
    )
    explanation = models.TextField(_("explanation"), blank=True, max_length=2000)
    evidence_url = models.URLField(_("evidence (link)"), blank=True, max_length=500)
    evidence_document = models.ForeignKey(
        "regions.RegionDocument",
        verbose_name=_("evidence (document)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("checklist state of a region")
        verbose_name_plural = _("checklist states of regions")
        constraints = [models.UniqueConstraint(fields=["region", "item"], name="unique_region_checklist_item")]

    def __str__(self):
        return f"{self.item_id}: {self.status}"


class ChecklistChange(models.Model):
    """One recorded change of a region's checklist item (append-only history)."""

    state = models.ForeignKey(RegionChecklistItem, on_delete=models.CASCADE, related_name="changes")
    item_title = models.CharField(_("item as it read then"), max_length=200)
    status = models.CharField(_("status"), max_length=12, choices=ChecklistStatus.choices)
    explanation = models.TextField(_("explanation"), blank=True)
    evidence_url = models.URLField(_("evidence (link)"), blank=True, max_length=500)
    evidence_document = models.ForeignKey(
        "regions.RegionDocument", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    changed_at = models.DateTimeField(_("changed"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = _("checklist change")
        verbose_name_plural = _("checklist changes")

    def __str__(self):
        return f"{self.item_title}: {self.status}"


class SchoolType(models.TextChoices):
    """School types as the Monitor Aansluiting Onderwijs Jeugdhulp uses them."""

    PO = "po", _("primary education (po)")
    SBO = "sbo", _("special primary education (sbo)")
    SO = "so", _("special education (so)")
    VO = "vo", _("secondary education (vo)")
    SVO = "svo", _("special secondary education (svo)")
    PRO = "pro", _("practical education (praktijkonderwijs)")
    MBO = "mbo", _("vocational education (mbo)")


class IndicatorValue(models.Model):
    """Youth-care use (% of pupils) per school type and year, for a region or (region empty) national."""

    region = models.ForeignKey(
        "regions.Region", on_delete=models.CASCADE, null=True, blank=True, related_name="indicator_values"
    )
    school_type = models.CharField(_("school type"), max_length=4, choices=SchoolType.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("youth care use (%)"), max_digits=5, decimal_places=2)
    source = models.CharField(_("source"), max_length=200)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        ordering = ["school_type", "year"]
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints = [
            models.UniqueConstraint(fields=["region", "school_type", "year"], name="unique_indicator_value"),
            models.UniqueConstraint(
                fields=["school_type", "year"], condition=models.Q(region__isnull=True), name="unique_national_value"
            ),
            models.CheckConstraint(condition=models.Q(value__gte=0, value__lte=100), name="indicator_percentage"),
        ]

    def __str__(self):
        return f"{self.school_type} {self.year}: {self.value}%"


# --- Progress reports ---------------------------------------------------------------------------
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
        from learning.services import reporting_round_check

        reporting_round_check(self)


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
        from django.urls import reverse

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


class ProgressReportVersion(models.Model):
    """What the region submitted, frozen (every submission in the questions loop is kept)."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    data = models.JSONField(_("submitted data"))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("progress report version")
        verbose_name_plural = _("progress report versions")
        constraints = [models.UniqueConstraint(fields=["report", "number"], name="unique_report_version")]

    def __str__(self):
        return f"{self.report_id} v{self.number}"


class ReportEvent(models.Model):
    """One step in a report's timeline: submitted, questions back to the region, accepted."""

    class Kind(models.TextChoices):
        OPENED = "opened", _("round opened")
        SUBMITTED = "submitted", _("submitted")
        QUESTIONS = "questions", _("questions to the region")
        ACCEPTED = "accepted", _("accepted")

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("step"), max_length=12, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    version = models.PositiveSmallIntegerField(_("version"), default=0)
    message = models.TextField(_("message"), blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("report timeline entry")
        verbose_name_plural = _("report timeline entries")

    def __str__(self):
        return f"{self.report_id}: {self.kind}"


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


from learning.lessons import *  # noqa: E402, F403  (lessons: models of the sharing flow and the public library)
