"""Every page type of the site, with a real example of each from the demo data and the demo account
that sees it: the HTML checker (tests/checks/) and the screenshots (tests/e2e/test_screenshots.py)
walk this list in Dutch and in English.

A page type is one template in one state (a task page before it is taken counts as another state
than the form itself). ``build()`` returns (name, path, username) with username None for anonymous.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS
from wagtail.models import Page

from cms import models as cms
from learning.library.models import LessonIndexPage, LessonPage
from learning.models import ChecklistItem, RegionAdvice
from regions.models import Organisation, Region
from workflows.core.nodes import task_url
from workflows.enrolment.flows import EnrolmentFlow
from workflows.enrolment.models import EnrolmentApplication
from workflows.reporting.flows import ReportingFlow
from workflows.reporting.models import ProgressReport, ReportingRound
from workflows.sharing.flows import LessonFlow
from workflows.sharing.models import LessonSubmission


@dataclass(frozen=True)
class PageType:
    name: str
    path: str
    username: str | None = None  # None: anonymous

    def in_language(self, language: str) -> str:
        return self.path if language == "nl" else f"/{language}{self.path}"


def _page(model) -> Page:
    page = model.objects.live().public().order_by("path").first()
    assert page is not None, f"the demo has no live {model.__name__}"
    return page


def _task(node) -> Task:
    task = Task.objects.filter(flow_task=node, status__in=[STATUS.NEW, STATUS.ASSIGNED]).order_by("pk").first()
    assert task is not None, f"the demo has no open task of {node}"
    return task


PUBLIC_PAGES = (
    ("home", cms.HomePage),
    ("content page", cms.ContentPage),
    ("news index", cms.NewsIndexPage),
    ("news item", cms.NewsPage),
    ("meeting index", cms.MeetingIndexPage),
    ("meeting", cms.MeetingPage),
    ("newsletter index", cms.NewsletterIndexPage),
    ("newsletter", cms.NewsletterPage),
    ("advice index", cms.AdviceIndexPage),
    ("advice", cms.AdvicePage),
    ("step plan", cms.StepPlanIndexPage),
    ("step", cms.StepPage),
    ("region index", cms.RegionIndexPage),
    ("region page", cms.RegionPage),
    ("members", cms.MembersPage),
    ("contact form", cms.FormPage),
    ("lesson library", LessonIndexPage),
    ("lesson", LessonPage),
)


def build() -> list[PageType]:
    """The page types of the demo (call after ``load_demo_data``)."""
    types = [PageType(name, _page(model).url) for name, model in PUBLIC_PAGES]
    types += [
        PageType("lesson library, filtered and searched", f"{_page(LessonIndexPage).url}?q=school&advice=1"),
        PageType("search results", reverse("search") + "?q=school"),
        PageType("public progress", reverse("public_progress")),
        PageType("page not found", "/deze-pagina-bestaat-niet/"),
        PageType("sign in", reverse("login")),
        PageType("password reset", reverse("password_reset")),
        PageType("register to apply", reverse("enrolment:register")),
    ]

    region = Region.objects.get(slug="twente")
    organisation = Organisation.objects.get(slug="vng")
    item = ChecklistItem.objects.filter(
        advice__in=RegionAdvice.objects.filter(region=region).values("advice"), is_active=True
    ).first()
    types += [
        PageType("start page (region team)", reverse("portal:dashboard"), "regio-twente"),
        PageType("start page (reviewer)", reverse("portal:dashboard"), "beoordelaar-vng"),
        PageType("start page (programme office)", reverse("portal:dashboard"), "programmabureau"),
        PageType("regions", reverse("portal:region_list"), "programmabureau"),
        PageType("region", region.get_absolute_url(), "regio-twente"),
        PageType("region management", reverse("portal:region_manage", args=[region.slug]), "programmabureau"),
        PageType("organisation", organisation.get_absolute_url(), "beoordelaar-vng"),
        PageType("audit log", reverse("portal:audit_log"), "programmabureau"),
        PageType("my data", reverse("portal:my_data"), "regio-twente"),
        PageType("two-step verification", reverse("two_factor_manage"), "regio-twente"),
        PageType("change password", reverse("password_change"), "regio-twente"),
        PageType("checklist", reverse("learning:checklist", args=[region.slug]), "regio-twente"),
        PageType("checklist item", reverse("learning:checklist_item", args=[region.slug, item.pk]), "regio-twente"),
        PageType("indicators", reverse("learning:indicators", args=[region.slug]), "regio-twente"),
    ]

    draft = EnrolmentApplication.objects.get(applicant__username="aanvrager-zwolle")
    returned = EnrolmentApplication.objects.get(applicant__username="aanvrager-rotterdam")
    types += [
        PageType("enrolment inbox", reverse("enrolment:inbox"), "programmabureau"),
        PageType("applications", reverse("enrolment:application_list"), "programmabureau"),
        PageType("application", returned.get_absolute_url(), "programmabureau"),
        PageType("application version", reverse("enrolment:version_detail", args=[returned.pk, 1]), "programmabureau"),
        PageType("application form", reverse("enrolment:application_edit", args=[draft.pk]), "aanvrager-zwolle"),
        PageType("invite an applicant", reverse("enrolment:invite"), "programmabureau"),
        PageType("intake task", task_url(_task(EnrolmentFlow.intake)), "programmabureau"),
        PageType("review task", task_url(_task(EnrolmentFlow.review)), "beoordelaar-vng"),
        PageType("decision task", task_url(_task(EnrolmentFlow.decide)), "programmabureau"),
        PageType("revision task", task_url(_task(EnrolmentFlow.revise)), "aanvrager-rotterdam"),
    ]

    report = ProgressReport.objects.filter(version__gte=1).order_by("pk").first()
    types += [
        PageType("progress reports", reverse("reports:overview"), "programmabureau"),
        PageType("new reporting round", reverse("reports:round_create"), "programmabureau"),
        PageType(
            "reporting round",
            reverse("reports:round_edit", args=[ReportingRound.objects.first().pk]),
            "programmabureau",
        ),
        PageType("progress report", report.get_absolute_url(), "programmabureau"),
        PageType("progress report version", reverse("reports:version_detail", args=[report.pk, 1]), "programmabureau"),
        PageType("region progress", reverse("reports:region_progress", args=[report.region.slug]), "programmabureau"),
        PageType("write a report task", task_url(_task(ReportingFlow.fill)), "beheerder"),
        PageType("review a report task", task_url(_task(ReportingFlow.review)), "programmabureau"),
    ]

    lesson = LessonSubmission.objects.filter(state=LessonSubmission.State.PUBLISHED).order_by("pk").first()
    types += [
        PageType("lessons", reverse("lessons:list"), "regio-twente"),
        PageType("start a lesson", reverse("lessons:start"), "regio-twente"),
        PageType("lesson (portal)", lesson.get_absolute_url(), "programmabureau"),
        PageType("lesson version", reverse("lessons:version_detail", args=[lesson.pk, 1]), "programmabureau"),
        PageType("write a lesson task", task_url(_task(LessonFlow.write)), "beheerder"),
        PageType("review a lesson task", task_url(_task(LessonFlow.review)), "programmabureau"),
    ]
    return types
