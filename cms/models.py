"""The coalition's public site: Wagtail page types and the organisation logo snippet.

Page logic lives on the page (``get_context`` and the pages' own reads); reads of other apps' data in
cms/selectors.py, learning and learning.library.
Every listing fetches its rows in a fixed number of queries, whatever the number of pages.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms import selectors
from cms.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from cms.forms import SpamProtectedFormBuilder
from learning.library.models import LessonIndexPage, LessonPage

NEWS_PER_PAGE = 10
PAST_MEETINGS_PER_PAGE = 10
SEARCH_PER_PAGE = 10
HOME_NEWS = 3
HOME_MEETINGS = 3
HOME_REGIONS = 12
LESSONS_SHOWN = 6


def _page_number(request):
    return request.GET.get("page") if request is not None else None


class HomePage(Page):
    """The site's root: the programme's purpose and the way into everything else."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms.ContentPage",
        "cms.NewsIndexPage",
        "cms.MeetingIndexPage",
        "cms.NewsletterIndexPage",
        "cms.AdviceIndexPage",
        "cms.StepPlanIndexPage",
        "cms.RegionIndexPage",
        "cms.MembersPage",
        "cms.FormPage",
        "library.LessonIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.highlights())
        return context

    def section_pages(self, private: Q | None = None) -> dict[str, Page]:
        """The home page's index pages by kind ('news', 'meetings', ...): one query, for links."""
        kinds = {
            NewsIndexPage: "news",
            MeetingIndexPage: "meetings",
            NewsletterIndexPage: "newsletters",
            AdviceIndexPage: "advices",
            StepPlanIndexPage: "steps",
            RegionIndexPage: "regions",
            MembersPage: "members",
        }
        by_type = {ContentType.objects.get_for_model(model).pk: name for model, name in kinds.items()}
        private = Page.objects.all().private_q() if private is None else private
        pages = Page.objects.live().exclude(private).child_of(self).filter(content_type_id__in=by_type)
        return {by_type[page.content_type_id]: page for page in pages.order_by("path")}

    def highlights(self) -> dict:
        """What the home page shows besides its own text: the latest news, coming meetings, the regions
        (six queries, whatever the number of pages)."""
        now = timezone.now()
        private = Page.objects.all().private_q()  # one query for every list below
        region_pages = RegionPage.objects.live().exclude(private).select_related("region").order_by("title")
        return {
            "latest_news": list(NewsPage.objects.live().exclude(private).order_by("-date", "-pk")[:HOME_NEWS]),
            "upcoming_meetings": list(
                MeetingPage.objects.live()
                .exclude(private)
                .filter(Q(end__gte=now) | Q(end__isnull=True, start__gte=now))
                .order_by("start")[:HOME_MEETINGS]
            ),
            "region_pages": list(region_pages[:HOME_REGIONS]),
            "region_count": region_pages.count(),
            "sections": self.section_pages(private),
        }


class ContentPage(Page):
    """A general page: about the coalition, the accessibility and privacy statements, and so on."""

    intro = models.TextField(_("introduction"), blank=True, max_length=500)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["cms.HomePage", "cms.ContentPage", "cms.MembersPage"]
    subpage_types = ["cms.ContentPage", "cms.FormPage"]

    class Meta:
        verbose_name = _("content page")


# --- News -------------------------------------------------------------------------------------


class NewsIndexPage(Page):
    """The news: the newest articles first, ten to a page."""

    intro = models.TextField(_("introduction"), blank=True, max_length=500)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.NewsPage"]
    max_count = 1

    class Meta:
        verbose_name = _("news index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = NewsPage.objects.live().public().child_of(self).select_related("image").order_by("-date", "-pk")
        context["page_obj"] = Paginator(articles, NEWS_PER_PAGE).get_page(_page_number(request))
        return context


class NewsPage(Page):
    """One news article."""

    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(_("introduction"), max_length=500, help_text=_("Shown in lists and search results."))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("alternative text of the image"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows. Leave empty if it is decoration only."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")


# --- Meetings and webinars --------------------------------------------------------------------


class MeetingIndexPage(Page):
    """Meetings and webinars: every coming one, and the past ones ten to a page."""

    intro = models.TextField(_("introduction"), blank=True, max_length=500)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.MeetingPage"]
    max_count = 1

    class Meta:
        verbose_name = _("meeting index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        meetings = MeetingPage.objects.live().public().child_of(self)
        now = timezone.now()
        context["upcoming"] = list(
            meetings.filter(Q(end__gte=now) | Q(end__isnull=True, start__gte=now)).order_by("start")
        )
        past = meetings.exclude(pk__in=[m.pk for m in context["upcoming"]]).order_by("-start", "-pk")
        context["page_obj"] = Paginator(past, PAST_MEETINGS_PER_PAGE).get_page(_page_number(request))
        return context


class MeetingPage(Page):
    """A meeting or webinar: when, where (a place, an online link or both) and how to register."""

    class Kind(models.TextChoices):
        MEETING = "meeting", _("meeting")
        WEBINAR = "webinar", _("webinar")
        CONFERENCE = "conference", _("conference")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.MEETING)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"), null=True, blank=True)
    location = models.CharField(_("place"), max_length=250, blank=True, help_text=_("Address or venue."))
    online_url = models.URLField(_("online link"), blank=True, help_text=_("Link to join online."))
    registration_url = models.URLField(_("registration link"), blank=True)
    registration_page = models.ForeignKey(
        "cms.FormPage",
        verbose_name=_("registration form"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A form page on this site for registering (instead of a registration link)."),
    )
    intro = models.TextField(_("introduction"), max_length=500, help_text=_("Shown in lists and search results."))
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("When")),
        MultiFieldPanel([FieldPanel("location"), FieldPanel("online_url")], heading=_("Where")),
        MultiFieldPanel([FieldPanel("registration_url"), FieldPanel("registration_page")], heading=_("Registration")),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("location"),
        index.SearchField("body"),
        index.FilterField("start"),
    ]
    parent_page_types = ["cms.MeetingIndexPage"]
    subpage_types = ["cms.FormPage"]

    class Meta:
        verbose_name = _("meeting or webinar")
        verbose_name_plural = _("meetings and webinars")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="cms_meeting_ends_after_start",
                violation_error_message=_("A meeting cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=~Q(location="") | ~Q(online_url=""),
                name="cms_meeting_has_place_or_link",
                violation_error_message=_("Give a place, an online link or both."),
            ),
        ]

    @property
    def is_past(self):
        return (self.end or self.start) < timezone.now()


# --- Newsletter archive -----------------------------------------------------------------------


class NewsletterIndexPage(Page):
    """The newsletter archive: every issue, newest first, grouped by year."""

    intro = models.TextField(_("introduction"), blank=True, max_length=500)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.NewsletterPage"]
    max_count = 1

    class Meta:
        verbose_name = _("newsletter archive")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["issues"] = (
            NewsletterPage.objects.live().public().child_of(self).select_related("document").order_by("-date", "-pk")
        )
        return context


class NewsletterPage(Page):
    """One issue of the newsletter, online and optionally as a downloadable file."""

    number = models.PositiveSmallIntegerField(_("issue number"))
    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(_("introduction"), max_length=500, help_text=_("Shown in the archive."))
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("issue as a file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("number"), FieldPanel("date")]),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("document"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["cms.NewsletterIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("newsletter issue")


# --- The advices -----------------------------------------------------------------------------


class AdviceIndexPage(Page):
    """The seven advices of Mét andere ogen, the two core advices marked."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.AdvicePage"]
    max_count = 1

    class Meta:
        verbose_name = _("advice index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["advice_pages"] = (
            AdvicePage.objects.live().public().child_of(self).select_related("advice").order_by("advice__number")
        )
        return context


class AdvicePage(Page):
    """The public page of one advice: its text is the advice itself (reference data, learning.Advice)
    with the editors' explanation, and how far the regions have come with it."""

    advice = models.OneToOneField(
        "learning.Advice", verbose_name=_("advice"), on_delete=models.PROTECT, related_name="public_page"
    )
    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("advice"), FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields("advice", [index.SearchField("title"), index.SearchField("summary")]),
    ]
    parent_page_types = ["cms.AdviceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("advice page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["progress"] = selectors.advice_progress(self.advice)
        lessons = LessonPage.objects.for_everyone().filter(advices=self.advice).select_related("region")
        context["lessons"] = lessons.newest(LESSONS_SHOWN)
        index = LessonIndexPage.objects.live().public().first() if context["lessons"] else None
        context["library_url"] = index.filtered_url(advice=self.advice.number) if index else None
        return context


# --- The seven-step plan ----------------------------------------------------------------------


class StepPlanIndexPage(Page):
    """NJi's seven-step plan for a joint plan of municipality and education: an overview of the steps."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.StepPage"]
    max_count = 1

    class Meta:
        verbose_name = _("step plan")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["steps"] = self.steps()
        return context

    def steps(self):
        return StepPage.objects.live().public().child_of(self).select_related("worksheet").order_by("number", "path")


class StepPage(Page):
    """One step of the plan: its result, what it involves, guiding questions and the worksheet."""

    number = models.PositiveSmallIntegerField(_("step number"))
    result = models.TextField(
        _("result"), max_length=800, help_text=_("What the working group has at the end of the step.")
    )
    involves = RichTextField(_("what the step involves"), features=RICH_TEXT_FEATURES)
    guiding_questions = StreamField(
        [("question", blocks.CharBlock(label=_("question"), max_length=300))],
        verbose_name=_("guiding questions"),
        blank=True,
        help_text=_("Questions for the working group. Editable content, not NJi's own text."),
    )
    worksheet = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("worksheet"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("more about this step"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("number"),
        FieldPanel("result"),
        FieldPanel("involves"),
        FieldPanel("guiding_questions"),
        FieldPanel("worksheet"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("result"),
        index.SearchField("involves"),
        index.SearchField("guiding_questions"),
        index.SearchField("body"),
    ]
    parent_page_types = ["cms.StepPlanIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("step")
        verbose_name_plural = _("steps")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        steps = list(
            StepPage.objects.live()
            .public()
            .sibling_of(self)
            .only("pk", "title", "number", "url_path")
            .order_by("number", "path")
        )
        position = next((i for i, step in enumerate(steps) if step.pk == self.pk), None)
        context["steps"] = steps
        if position is not None:
            context["previous_step"] = steps[position - 1] if position > 0 else None
            context["next_step"] = steps[position + 1] if position + 1 < len(steps) else None
        return context


# --- Regions ---------------------------------------------------------------------------------


class RegionIndexPage(Page):
    """The public list of inspiration regions, grouped by province."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.RegionPage"]
    max_count = 1

    class Meta:
        verbose_name = _("region index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["region_pages"] = (
            RegionPage.objects.live()
            .public()
            .child_of(self)
            .select_related("region")
            .order_by("region__province", "title")
        )
        return context


class RegionPage(Page):
    """The public page of one inspiration region. Its facts come from the region record; the text is
    the region's own story, edited by the programme office."""

    region = models.OneToOneField(
        "regions.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="public_page"
    )
    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("region"), FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields("region", [index.SearchField("summary"), index.SearchField("development_question")]),
    ]
    parent_page_types = ["cms.RegionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("region page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["municipalities"] = list(self.region.municipalities.all())
        context["samenwerkingsverbanden"] = list(self.region.samenwerkingsverbanden.all())
        context["lessons"] = LessonPage.objects.for_everyone().filter(region=self.region).newest(LESSONS_SHOWN)
        return context


# --- About the coalition ---------------------------------------------------------------------


class OrganisationLogo(models.Model):
    """The logo the public site shows for an organisation. Name, website and kind come from the
    organisation itself (regions.Organisation, reference data): one source for each organisation."""

    organisation = models.OneToOneField(
        "regions.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="public_logo"
    )
    image = models.ForeignKey("wagtailimages.Image", verbose_name=_("logo"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("organisation"), FieldPanel("image")]

    class Meta:
        verbose_name = _("organisation logo")
        verbose_name_plural = _("organisation logos")

    def __str__(self):
        return str(self.organisation)


class MembersPage(Page):
    """About the coalition: its members, knowledge partners and involved ministries, with logos and
    links, taken from the organisations in the reference data."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ContentPage", "cms.FormPage"]
    max_count = 1

    class Meta:
        verbose_name = _("about the coalition (members)")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["organisation_groups"] = selectors.coalition_organisations()
        return context


# --- Forms (contact, registration) -----------------------------------------------------------


class FormField(AbstractFormField):
    page = ParentalKey("cms.FormPage", on_delete=models.CASCADE, related_name="form_fields")


class FormPage(AbstractEmailForm):
    """A form editors build themselves (contact, registration for a meeting), protected against spam
    by a honeypot and a time check (cms/forms.py). Submissions are kept in Wagtail admin and, when
    an address is given, sent by e-mail."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    thank_you_text = RichTextField(_("text after sending"), features=RICH_TEXT_FEATURES, blank=True)

    form_builder = SpamProtectedFormBuilder

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-mail"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["cms.HomePage", "cms.ContentPage", "cms.MembersPage", "cms.MeetingPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("form page")
