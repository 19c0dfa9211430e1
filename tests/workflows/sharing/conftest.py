"""Fixtures for lessons: e-mail tasks run at once, themes, the library's index page under the home
page, and helpers that write, submit, review and publish a lesson through the real services."""

import pytest
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from learning.library.models import LessonIndexPage
from learning.library.services import library_index
from learning.models import Advice, LessonTheme
from workflows.core import services as core_services
from workflows.sharing import services
from workflows.sharing.flows import LessonFlow
from workflows.sharing.models import LessonSubmission

IMMEDIATE = {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}


@pytest.fixture(autouse=True)
def _send_email_at_once(settings):
    settings.TASKS = {"default": IMMEDIATE, "email": IMMEDIATE}


@pytest.fixture
def lessons_world(world):
    world.themes = [
        LessonTheme.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in [("thuiszitters", "Thuiszitters"), ("jeugdhulp-op-school", "Jeugdhulp op school")]
    ]
    world.index = library_index()
    return world


def lesson_data(**overrides):
    data = {
        "title": "Jeugdhulp in de klas",
        "summary": "Een jeugdhulpverlener werkt twee dagen per week op school.",
        "situation": "Veel leerlingen wachtten maanden op hulp.",
        "approach": "We plaatsten een jeugdhulpverlener in het team van de school.",
        "worked": "Korte lijnen tussen leerkracht en hulpverlener.",
        "did_not_work": "De financiering per gemeente.",
        "tips": "Begin klein, met één school.",
        "partners": "Gemeente, samenwerkingsverband PO, jeugdhulpaanbieder",
        "advices": list(Advice.objects.filter(number__in=[1, 4])),
        "themes": list(LessonTheme.objects.filter(slug="jeugdhulp-op-school")),
        "life_domains": ["school", "thuis"],
        "school_types": ["po"],
        "contact_name": "Sanne de Vries",
        "contact_consent": True,
    }
    data.update(overrides)
    return data


def open_task(submission, node):
    submission.refresh_from_db()
    return (
        Task.objects.filter(process_id=submission.process_id, flow_task=node, status__in=[STATUS.NEW, STATUS.ASSIGNED])
        .order_by("-pk")
        .first()
    )


def written(world, side="a", **overrides) -> LessonSubmission:
    """A lesson written by the team of region ``side`` (a draft)."""
    region = getattr(world, f"region_{side}")
    user = world[f"team_{side}"]
    submission = services.lesson_start(region=region, user=user)
    services.lesson_draft_save(submission=submission, user=user, data=lesson_data(**overrides))
    return LessonSubmission.objects.get(pk=submission.pk)


def submitted(world, side="a", **overrides) -> LessonSubmission:
    submission = written(world, side, **overrides)
    services.lesson_submit(submission=submission, user=world[f"team_{side}"])
    submission.refresh_from_db()
    return submission


def reviewed(world, submission, outcome="approve", message="", side="a") -> LessonSubmission:
    reviewer = world[f"reviewer_{side}"]
    task = open_task(submission, LessonFlow.review)
    core_services.task_claim(task=task, user=reviewer)
    services.review_complete(task=task, user=reviewer, outcome=outcome, message=message)
    submission.refresh_from_db()
    return submission


def published(world, side="a", **overrides) -> LessonSubmission:
    return reviewed(world, submitted(world, side, **overrides), side=side)


@pytest.fixture
def index_page(lessons_world):
    return LessonIndexPage.objects.get(pk=lessons_world.index.pk)


def make_page(index, region, *, title="Les", advices=(), themes=(), live=True, revision=True, **fields):
    """A lesson page placed straight under the index (for listings and counts; the flow itself is
    tested through the services)."""
    import datetime

    from learning.library.models import LessonPage

    defaults = {
        "summary": f"Samenvatting van {title}.",
        "situation": "<p>De situatie.</p>",
        "life_domains": ",school,",
        "school_types": ",po,",
        "lesson_date": datetime.date(2024, 5, 1),
    }
    page = LessonPage(title=title, region=region, live=live, **{**defaults, **fields})
    page.advices = list(advices)
    page.themes = list(themes)
    index.add_child(instance=page)
    if live and revision:
        page.save_revision().publish()
    return page
