"""Access rules for the lessons URLs, used by the project-wide URL walk (tests/test_url_access.py).

Built lazily on the walk's world: region A's lesson submitted (its review task open, its title
carrying A's secret marker), region B's lesson a draft with a file (B's marker), and one published
lesson of region A without any marker (the public feeds and API show it)."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from viewflow.workflow.models import Task

from regions import access
from tests.files import pdf_bytes
from tests.regions.test_access import GLOBAL_MATRIX, REGION_MATRIX
from workflows.core import services as core_services

ANONYMOUS = "anonymous"
LOGIN = "login"
STAFF = {"office", "admin"}
SECRETS = {"a": "GEHEIM-A-7f3k", "b": "GEHEIM-B-9q2m"}


def _build(world):
    from learning.models import Advice
    from workflows.sharing import services
    from workflows.sharing.flows import LessonFlow

    if hasattr(world, "lessons"):
        return world.lessons
    advices = list(Advice.objects.filter(number=1))
    lessons = {}
    for side in ("a", "b", "public"):
        region_side = "a" if side == "public" else side
        team = world[f"team_{region_side}"]
        submission = services.lesson_start(region=getattr(world, f"region_{region_side}"), user=team)
        marker = "" if side == "public" else SECRETS[side]
        files = []
        if side == "b":
            files = [(SimpleUploadedFile(f"{marker}.pdf", pdf_bytes(), content_type="application/pdf"), "")]
        services.lesson_draft_save(
            submission=submission,
            user=team,
            data={
                "title": f"Les {marker}".strip(),
                "summary": f"Samenvatting {marker}",
                "situation": "Situatie",
                "approach": "Aanpak",
                "worked": "Werkte",
                "advices": advices,
            },
            files=files,
        )
        if side != "b":
            services.lesson_submit(submission=submission, user=team)
        if side == "public":
            task = core_services.open_task(submission, LessonFlow.review)
            core_services.task_claim(task=task, user=world["reviewer_a"])
            services.review_complete(task=task, user=world["reviewer_a"], outcome="approve")
        submission.refresh_from_db()
        lessons[side] = submission
    world.lessons = lessons
    for user in world.users.values():
        access.forget_cached_access(user)
    return lessons


def _portal(user):
    return user in GLOBAL_MATRIX[access.PORTAL_USE]


def portal_page(user, side):
    if user == ANONYMOUS:
        return {LOGIN}
    return {200} if _portal(user) else {403}


def start_page(user, side):
    if user == ANONYMOUS:
        return {LOGIN}
    if not _portal(user):
        return {403}
    return {200} if REGION_MATRIX[access.REGION_WORK].get(user) else {403}


def region_view(user, side):
    if user == ANONYMOUS:
        return {LOGIN}
    if not _portal(user):
        return {403}
    return {200} if side in REGION_MATRIX[access.REGION_VIEW].get(user, set()) else {404}


def lesson_page(user, side):
    """Side A's lesson was submitted (everyone who sees region A reads it); side B's is a draft
    (its team and the programme office only)."""
    if side == "a":
        return region_view(user, side)
    if user == ANONYMOUS:
        return {LOGIN}
    if not _portal(user):
        return {403}
    return {200} if user in {"team_b"} | STAFF else {404}


def attachment(user, side):
    """A file of side B's draft: its team and the programme office; 404 for everyone else."""
    if user == ANONYMOUS:
        return {LOGIN}
    return {200} if user in {"team_b"} | STAFF else {404}


def correct_page(user, side):
    """GET on the correction URL: 405 (POST only) for whoever may see the lesson, else 404/403."""
    expected = region_view(user, side)
    return {405} if expected == {200} else expected


def task_page(action):
    def expected(user, side):
        if user == ANONYMOUS:
            return {LOGIN}
        return {200} if side in REGION_MATRIX[action].get(user, set()) else {404}

    return expected


def public(user, side):
    return {200}


def _lesson(world, side):
    return {"pk": _build(world)[side].pk}


def _task(node_name, side_):
    def kwargs(world, side):
        from workflows.sharing.flows import LessonFlow

        submission = _build(world)[side_]
        task = (
            Task.objects.filter(process_id=submission.process_id, flow_task=getattr(LessonFlow, node_name))
            .order_by("-pk")
            .first()
        )
        return {"process_pk": submission.process_id, "task_pk": task.pk}

    return kwargs


def _attachment(world, side):
    submission = _build(world)["b"]
    return {"pk": submission.pk, "attachment_pk": submission.attachments.get().pk}


def rules(Rule):
    """The rules, built with the URL walk's own Rule class."""
    return {
        "lessons:list": Rule(portal_page),
        "lessons:start": Rule(start_page),
        "lessons:detail": Rule(lesson_page, _lesson, ("a", "b")),
        "lessons:version_detail": Rule(region_view, lambda w, s: {**_lesson(w, s), "number": 1}),
        "lessons:correct": Rule(correct_page, lambda w, s: {"pk": _build(w)["public"].pk}),
        "lessons:attachment": Rule(attachment, _attachment, ("b",)),
        # Region B's lesson waits for its team; region A's for review by organisation A.
        "lessons:lesson:write:execute": Rule(task_page(access.REGION_WORK), _task("write", "b"), ("b",)),
        "lessons:lesson:review:execute": Rule(task_page(access.REGION_REVIEW), _task("review", "a"), ("a",)),
        "lesson_feeds:rss": Rule(public, lambda w, s: _build(w) and None),
        "lesson_feeds:atom": Rule(public, lambda w, s: _build(w) and None),
        "lesson_feeds:advice_rss": Rule(public, lambda w, s: _build(w) and {"number": 1}),
        "lesson_feeds:advice_atom": Rule(public, lambda w, s: _build(w) and {"number": 1}),
        "lessons_api:lessons:listing": Rule(public, lambda w, s: _build(w) and None),
        "lessons_api:lessons:detail": Rule(public, lambda w, s: {"pk": _build(w)["public"].page_id}),
        "lessons_api:lessons:find": Rule(lambda user, side: {404}, lambda w, s: _build(w) and None),
    }
