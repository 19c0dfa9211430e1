"""Writes of the sharing flow. Drafts are saved without a task change; every step of a task runs under
the process lock on a freshly read task (workflows.core.services): two people acting at once, or a
form posted twice, give one transition and a TaskNotAvailable for the other. Approval publishes (or
updates) the lesson's public page (workflows.sharing.publishing)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from viewflow.workflow.models import Task
from wagtail.log_actions import log

from learning.models import CodeList
from regions import access as region_access
from regions.models import Region, User
from regions.uploads import DOCUMENT_TYPES, IMAGE_TYPES, safe_filename, validate_upload
from workflows.core.services import TaskNotAvailable, record_submit, task_complete
from workflows.sharing import access, notifications
from workflows.sharing.flows import LessonFlow
from workflows.sharing.models import LessonAttachment, LessonEvent, LessonSubmission, LessonVersion
from workflows.sharing.publishing import publish
from workflows.sharing.richtext import RICH_FIELDS, sanitise_rich_text

State = LessonSubmission.State
OUTCOMES = ("approve", "changes", "decline")
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
]


# --- Starting, drafts and attachments ---------------------------------------------------------------
def lesson_start(*, region: Region, user: User) -> LessonSubmission:
    """A new lesson for ``region``: a draft with its own process, waiting for the team to write."""
    if not region_access.can(user, region_access.REGION_WORK, region):
        raise PermissionDenied
    with transaction.atomic():
        submission = LessonSubmission.objects.create(
            region=region, author=user, updated_by=user, title=_("New lesson"), summary=""
        )
        LessonFlow.start.run(record=submission)
    log(region, "sharing.lesson_start", user=user, data={"lesson": submission.pk})
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
        log(submission.region, "sharing.lesson_upload", user=user, data={"lesson": submission.pk, "file": name})
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


# --- Steps of the flow ------------------------------------------------------------------------------
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


def lesson_submit(*, submission: LessonSubmission, user: User, at=None) -> LessonSubmission:
    """The team submits the lesson (first time, after requested changes, or a correction): the text
    is frozen as a new version and the lesson goes to review. ``at`` dates it (demo data only)."""

    def do(task, submission, activation):
        missing = lesson_missing(submission)
        if missing:
            raise ValidationError(_("Before you submit, fill in: %(missing)s.") % {"missing": ", ".join(missing)})
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
        log(submission.region, "sharing.lesson_submit", user=user, data={"lesson": submission.pk})
        activation.process.data = {**(activation.process.data or {}), "outcome": ""}
        activation.process.save(update_fields=["data"])
        return submission

    return record_submit(record=submission, user=user, node=LessonFlow.write, do=do)


def review_complete(*, task: Task, user: User, outcome: str, message: str = "", at=None) -> LessonSubmission:
    """The reviewer approves (the lesson is published), asks for changes or declines; changes and a
    decline need a message for the region."""
    if outcome not in OUTCOMES:
        raise ValidationError(_("Choose an outcome."))
    if outcome in ("changes", "decline") and not (message or "").strip():
        raise ValidationError(_("Write the region a motivation."))

    def do(task, submission, activation):
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
        log(submission.region, "sharing.lesson_review", user=user, data={"lesson": submission.pk, "outcome": outcome})
        return submission

    return task_complete(task=task, user=user, node=LessonFlow.review, do=do)


def lesson_correct(*, submission: LessonSubmission, user: User) -> LessonSubmission:
    """Start a correction of a published lesson: the same flow again; the page stays online as it
    is until the correction is approved, and then keeps its URL."""
    if not access.can_lesson(user, access.LESSON_CORRECT, submission):
        raise PermissionDenied
    with transaction.atomic():
        locked = LessonSubmission.objects.select_for_update().get(pk=submission.pk)
        if locked.state != State.PUBLISHED:
            raise TaskNotAvailable
        locked.state = State.DRAFT
        locked.updated_by = user
        locked.save(update_fields=["state", "updated_by", "updated_at"])
        LessonFlow.start.run(record=locked)
    log(locked.region, "sharing.lesson_correct", user=user, data={"lesson": locked.pk})
    return locked


def task_created(task: Task) -> None:
    """A new human task: the lesson now waits for it, and the people who can take it hear so."""
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
