"""The coalition's advices (Mét andere ogen, 2018), the checklists and indicators regions keep on
them, and the vocabulary of lessons (themes, life domains). The lesson pages of the public library
live in learning.library; progress reports and lessons being written belong to their workflows."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField
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


LESSON_RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]


# --- Lessons: the vocabulary shared by a lesson being written (workflows.sharing) and its public
# page (learning.library) ---------------------------------------------------------------------------
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
        labels = dict(SchoolType.choices)
        return [labels[v] for v in self.school_type_list if v in labels]
