"""Writes of the sharing flow. Drafts are saved without a task change; every state change of a task
runs here under the flow's lock (``select_for_update_lock``) in one transaction, after re-reading
the task: two people acting at once, or a form posted twice, give one transition and a
TaskNotAvailable for the other. Approval publishes (or updates) the lesson's public page."""

from __future__ import annotations

import html
import re

from bs4 import BeautifulSoup
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter
from wagtail.log_actions import log

from learning.lessons import (
    LESSON_RICH_TEXT_FEATURES,
    CodeList,
    LessonAttachment,
    LessonEvent,
    LessonIndexPage,
    LessonPage,
    LessonSubmission,
    LessonVersion,
)
from regions import access
from regions.models import Region, User
from regions.uploads import DOCUMENT_TYPES, IMAGE_TYPES, safe_filename, validate_upload
from workflows import lessons_notifications as notifications
from workflows import task_actions
from workflows.task_actions import TaskNotAvailable

State = LessonSubmission.State
OUTCOMES = ("approve", "changes", "decline")
RICH_FIELDS = ("situation", "approach", "worked", "did_not_work", "tips")
TEXT_FIELDS = ("title", "summary", "partners", "contact_name")
MAX_ATTACHMENTS = 10
IMAGE_MAX_BYTES = 5 * 1024 * 1024

__all__ = [
    "TaskNotAvailable",
    "lesson_correct",
    "lesson_draft_save",
    "lesson_start",
    "lesson_submit",
    "review_complete",
    "sanitise_rich_text",
    "task_claim",
    "task_release",
]

_converter = EditorHTMLConverter(features=LESSON_RICH_TEXT_FEATURES)
_DROP_WITH_CONTENT = ("script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math")


def sanitise_rich_text(text: str) -> str:
    """Rich text as Wagtail stores it, keeping only bold, italic, lists and http(s)/mailto links.

    Plain text (no tags) becomes paragraphs (blank lines) with line breaks; HTML is cleaned by
    Wagtail's own whitelist after scripts, styles and embeds were dropped with their content."""
    text = (text or "").strip()
    if not text:
        return ""
    if "<" not in text:
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if p.strip()]
        return "".join("<p>" + "<br/>".join(html.escape(line) for line in p.split("\n")) + "</p>" for p in paragraphs)
    soup = BeautifulSoup(text, "html.parser")
    for tag in soup.find_all(_DROP_WITH_CONTENT):
        tag.decompose()
    return _converter.to_database_format(str(soup)).strip()


# --- Starting, drafts and attachments ---------------------------------------------------------------
def lesson_start(*, region: Region, user: User) -> LessonSubmission:
    """A new lesson for ``region``: a draft with its own process, waiting for the team to write."""
    from workflows.lessons import LessonFlow

    if not access.can(user, access.REGION_WORK, region):
        raise PermissionDenied
    with transaction.atomic():
        submission = LessonSubmission.objects.create(
            region=region, author=user, updated_by=user, title=_("New lesson"), summary=""
        )
        LessonFlow.start.run(submission=submission)
    log(region, "learning.lesson_start", user=user, data={"lesson": submission.pk})
    return submission


def _attachment_kind(uploaded) -> str:
    extension = (uploaded.name or "").rsplit(".", 1)[-1].lower()
    image_extensions = {ext for exts in IMAGE_TYPES.values() for ext in exts}
    return LessonAttachment.Kind.IMAGE if extension in image_extensions else LessonAttachment.Kind.DOCUMENT


def lesson_draft_save(
    *,
    submission: LessonSubmission,
    user: User,
    data: dict,
    files: list | None = None,
    remove: list[int] | None = None,
) -> LessonSubmission:
    """Save what the team wrote (only the keys present in ``data``), add the uploaded files and
    remove the named attachments. Text is saved first: a refused file raises a ValidationError
    naming it, and everything else stays saved."""
    if not access.can_lesson(user, access.LESSON_EDIT, submission):
        raise PermissionDenied
    with transaction.atomic():
        submission = LessonSubmission.objects.select_for_update().get(pk=submission.pk)
        if not submission.is_editable:
            raise TaskNotAvailable
        for field in TEXT_FIELDS:
            if field in data:
                setattr(submission, field, (data[field] or "").strip())
        for field in RICH_FIELDS:
            if field in data:
                setattr(submission, field, sanitise_rich_text(data[field]))
        if "contact_consent" in data:
            submission.contact_consent = bool(data["contact_consent"])
        if "life_domains" in data:
            submission.life_domains = CodeList.dump(data["life_domains"])
        if "school_types" in data:
            submission.school_types = CodeList.dump(data["school_types"])
        submission.updated_by = user
        submission.save()
        if "advices" in data:
            submission.advices.set(data["advices"])
        if "themes" in data:
            submission.themes.set(data["themes"])
        if remove:
            submission.attachments.filter(pk__in=remove).delete()
    errors = []
    for uploaded, alt_text in files or []:
        if uploaded is None:
            continue
        name = safe_filename(uploaded.name)
        kind = _attachment_kind(uploaded)
        try:
            if submission.attachments.count() >= MAX_ATTACHMENTS:
                raise ValidationError(_("A lesson can have at most %(count)s files.") % {"count": MAX_ATTACHMENTS})
            if kind == LessonAttachment.Kind.IMAGE:
                mime = validate_upload(uploaded, allowed=IMAGE_TYPES, max_bytes=IMAGE_MAX_BYTES)
                if not (alt_text or "").strip():
                    raise ValidationError(_("Describe what the image shows, for people who cannot see it."))
            else:
                mime = validate_upload(uploaded, allowed=DOCUMENT_TYPES)
        except ValidationError as error:
            errors.extend(f"{name}: {message}" for message in error.messages)
            continue
        LessonAttachment.objects.create(
            submission=submission,
            kind=kind,
            file=ContentFile(uploaded.read(), name=name),
            name=name,
            alt_text=(alt_text or "").strip()[:250],
            content_type=mime,
            size=uploaded.size,
            uploaded_by=user,
        )
        log(submission.region, "learning.lesson_upload", user=user, data={"lesson": submission.pk, "file": name})
    if errors:
        raise ValidationError(errors)
    return submission


def lesson_missing(submission: LessonSubmission) -> list[str]:
    """What must be filled in before the lesson can be submitted (translated field names)."""
    missing = []
    for field in ("title", "summary", "situation", "approach", "worked"):
        if not (getattr(submission, field) or "").strip():
            missing.append(str(LessonSubmission._meta.get_field(field).verbose_name))
    if not submission.advices.exists():
        missing.append(str(LessonSubmission._meta.get_field("advices").verbose_name))
    return missing


# --- Tasks ------------------------------------------------------------------------------------------
def _submission_for(task: Task) -> LessonSubmission:
    return LessonSubmission.objects.select_for_update().select_related("region").get(process_id=task.process_id)


def _run_locked(task: Task, work):
    """Run ``work(task, submission)`` under the process lock, on a freshly read task."""
    from workflows.lessons import LessonFlow

    return task_actions.run_locked(LessonFlow, task, _submission_for, work)


def task_claim(*, task: Task, user: User) -> Task:
    """Take an open review task for oneself (colleagues no longer see it in their list)."""
    return task_actions.task_take(task=task, user=user, run=_run_locked, audit_on=lambda submission: submission.region)


def task_release(*, task: Task, user: User) -> Task:
    return task_actions.task_give_back(
        task=task, user=user, run=_run_locked, audit_on=lambda submission: submission.region
    )


def _version_data(submission: LessonSubmission) -> dict:
    return {
        "title": submission.title,
        "summary": submission.summary,
        **{field: getattr(submission, field) for field in RICH_FIELDS},
        "partners": submission.partners,
        "life_domains": submission.life_domain_list,
        "school_types": submission.school_type_list,
        "advices": [{"id": a.pk, "label": str(a)} for a in submission.advices.all()],
        "themes": [{"id": t.pk, "label": t.name} for t in submission.themes.all()],
        "contact_name": submission.contact_name,
        "contact_consent": submission.contact_consent,
        "attachments": [{"id": a.pk, "name": a.name, "kind": a.kind} for a in submission.attachments.all()],
    }


def open_task(submission: LessonSubmission, node) -> Task | None:
    """The newest unfinished task of ``node`` for the submission's current process."""
    if submission.process_id is None:
        return None
    return (
        Task.objects.filter(process_id=submission.process_id, flow_task=node)
        .exclude(status__in=[STATUS.DONE, STATUS.CANCELED])
        .order_by("-pk")
        .first()
    )


def lesson_submit(*, submission: LessonSubmission, user: User, at=None) -> LessonSubmission:
    """The team submits the lesson (first time, after requested changes, or a correction): the text
    is frozen as a new version and the lesson goes to review. ``at`` dates it (demo data only)."""
    from workflows.lessons import LessonFlow

    task = open_task(submission, LessonFlow.write)
    if task is None:
        raise TaskNotAvailable

    def work(task, submission):
        if task.flow_task != LessonFlow.write or task.status not in (STATUS.NEW, STATUS.ASSIGNED):
            raise TaskNotAvailable
        if not task.flow_task.can_assign(user, task) and not task.flow_task.can_execute(user, task):
            raise TaskNotAvailable
        if not submission.is_editable:
            raise TaskNotAvailable
        missing = lesson_missing(submission)
        if missing:
            raise ValidationError(_("Before you submit, fill in: %(missing)s.") % {"missing": ", ".join(missing)})
        activation = task.flow_task.activation_class(task)
        if task.status == STATUS.NEW:
            task.assigned = timezone.now()
            activation.assign(user)
        activation.start(None)
        now = at or timezone.now()
        submission.version += 1
        submission.state = State.SUBMITTED
        submission.submitted_at = now
        submission.updated_by = user
        submission.save()
        LessonVersion.objects.create(
            submission=submission,
            number=submission.version,
            data=_version_data(submission),
            submitted_by=user,
            submitted_at=now,
        )
        LessonEvent.objects.create(
            submission=submission,
            kind=LessonEvent.Kind.SUBMITTED,
            actor=user,
            version=submission.version,
            created_at=now,
        )
        log(submission.region, "learning.lesson_submit", user=user, data={"lesson": submission.pk})
        activation.process.data = {**(activation.process.data or {}), "outcome": ""}
        activation.process.save(update_fields=["data"])
        activation.execute()
        return submission

    return _run_locked(task, work)


def review_complete(*, task: Task, user: User, outcome: str, message: str = "", at=None) -> LessonSubmission:
    """The reviewer approves (the lesson is published), asks for changes or declines; changes and a
    decline need a message for the region."""
    from workflows.lessons import LessonFlow

    if outcome not in OUTCOMES:
        raise ValidationError(_("Choose an outcome."))
    if outcome in ("changes", "decline") and not (message or "").strip():
        raise ValidationError(_("Write the region a motivation."))

    def work(task, submission):
        if task.flow_task != LessonFlow.review or task.status != STATUS.ASSIGNED:
            raise TaskNotAvailable
        if not task.flow_task.can_execute(user, task):
            raise TaskNotAvailable
        activation = task.flow_task.activation_class(task)
        activation.start(None)
        activation.process.data = {**(activation.process.data or {}), "outcome": outcome}
        activation.process.save(update_fields=["data"])
        now = at or timezone.now()
        kind = {"approve": LessonEvent.Kind.PUBLISHED, "changes": LessonEvent.Kind.CHANGES}.get(
            outcome, LessonEvent.Kind.DECLINED
        )
        LessonEvent.objects.create(
            submission=submission, kind=kind, actor=user, version=submission.version, message=message, created_at=now
        )
        if outcome == "approve":
            publish(submission=submission, user=user, at=now)
            notifications.lesson_published(submission=submission, message=message)
        elif outcome == "decline":
            submission.state = State.DECLINED
            submission.save(update_fields=["state", "updated_at"])
            notifications.lesson_declined(submission=submission, message=message)
        log(submission.region, "learning.lesson_review", user=user, data={"lesson": submission.pk, "outcome": outcome})
        activation.execute()
        return submission

    return _run_locked(task, work)


def lesson_correct(*, submission: LessonSubmission, user: User) -> LessonSubmission:
    """Start a correction of a published lesson: the same flow again; the page stays online as it
    is until the correction is approved, and then keeps its URL."""
    from workflows.lessons import LessonFlow

    if not access.can_lesson(user, access.LESSON_CORRECT, submission):
        raise PermissionDenied
    with transaction.atomic():
        locked = LessonSubmission.objects.select_for_update().get(pk=submission.pk)
        if locked.state != State.PUBLISHED:
            raise TaskNotAvailable
        locked.state = State.DRAFT
        locked.updated_by = user
        locked.save(update_fields=["state", "updated_by", "updated_at"])
        LessonFlow.start.run(submission=locked)
    log(locked.region, "learning.lesson_correct", user=user, data={"lesson": locked.pk})
    return locked


def task_created(*, task: Task) -> None:
    """A new human task: the lesson now waits for it, and the people who can take it hear so."""
    from workflows.lessons import LessonFlow

    submission = LessonSubmission.objects.select_related("region", "process").get(process_id=task.process_id)
    if task.flow_task == LessonFlow.write:
        changes = (submission.process.data or {}).get("outcome") == "changes"
        waiting = State.CHANGES if changes else State.DRAFT
    else:
        waiting = State.SUBMITTED
    if submission.state != waiting:
        submission.state = waiting
        submission.save(update_fields=["state", "updated_at"])
    notifications.task_created(task=task, submission=submission)


# --- Publication ----------------------------------------------------------------------------------
def lesson_index() -> LessonIndexPage:
    """The library's index page; made under the site's home page when there is none yet."""
    from wagtail.models import Site

    index = LessonIndexPage.objects.order_by("pk").first()
    if index is not None:
        return index
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise ValidationError(_("The public site has no home page yet."))
    index = LessonIndexPage(
        title=_("Lessons from the regions"),
        slug="lessen",
        intro=_("What the inspiration regions learned, for everyone who works on the same questions."),
    )
    site.root_page.add_child(instance=index)
    index.save_revision().publish()
    return index


def _unique_slug(parent, title: str, exclude_pk=None) -> str:
    base = slugify(title)[:70] or "les"
    slug, number = base, 2
    siblings = parent.get_children()
    while siblings.filter(slug=slug).exclude(pk=exclude_pk).exists():
        slug = f"{base}-{number}"
        number += 1
    return slug


def _publish_attachments(submission: LessonSubmission) -> None:
    """Copy new attachments to the public image and document libraries (once each)."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    for attachment in submission.attachments.filter(public_image__isnull=True, public_document__isnull=True):
        with attachment.file.open("rb") as handle:
            content = ContentFile(handle.read(), name=attachment.name)
        if attachment.kind == LessonAttachment.Kind.IMAGE:
            attachment.public_image = get_image_model().objects.create(
                title=attachment.alt_text or attachment.name, file=content
            )
        else:
            attachment.public_document = get_document_model().objects.create(title=attachment.name, file=content)
        attachment.save(update_fields=["public_image", "public_document"])


def publish(*, submission: LessonSubmission, user: User, at=None) -> LessonPage:
    """Create the lesson's public page, or update it in place (same URL) after a correction. The
    contact person's name is only published with their consent."""
    now = at or timezone.now()
    fields = {
        "title": submission.title,
        "summary": submission.summary,
        **{field: sanitise_rich_text(getattr(submission, field)) for field in RICH_FIELDS},
        "partners": submission.partners,
        "life_domains": submission.life_domains,
        "school_types": submission.school_types,
        "region": submission.region,
        "contact_name": submission.public_contact_name,
    }
    page = submission.page.specific if submission.page_id else None
    if page is None:
        index = lesson_index()
        page = LessonPage(slug=_unique_slug(index, submission.title), lesson_date=now.date(), **fields)
        page.advices = list(submission.advices.all())
        page.themes = list(submission.themes.all())
        index.add_child(instance=page)
    else:
        for key, value in fields.items():
            setattr(page, key, value)
        page.advices = list(submission.advices.all())
        page.themes = list(submission.themes.all())
    # The flow's approval is the authority here, not the reviewer's Wagtail page permissions.
    page.save_revision(user=user, log_action=False).publish(user=user, skip_permission_checks=True)
    _publish_attachments(submission)
    submission.page = page
    submission.state = State.PUBLISHED
    submission.published_at = now
    submission.save(update_fields=["page", "state", "published_at", "updated_at"])
    return page
