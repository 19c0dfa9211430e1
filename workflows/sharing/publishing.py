"""Publication of an approved lesson as a public page in the library (learning.library): created the
first time, updated in place (same URL) after a correction. Only sanitised text, the contact's name
only with consent, and the lesson's current files."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from wagtail.documents.models import Document
from wagtail.images.models import Image

from learning.library.models import LessonPage, LessonPageFile
from learning.library.services import library_index
from regions.models import User
from workflows.sharing.models import LessonAttachment, LessonSubmission
from workflows.sharing.richtext import RICH_FIELDS, sanitise_rich_text


def _unique_slug(parent, title: str, exclude_pk=None) -> str:
    base = slugify(title)[:70] or "les"
    slug, number = base, 2
    siblings = parent.get_children()
    while siblings.filter(slug=slug).exclude(pk=exclude_pk).exists():
        slug = f"{base}-{number}"
        number += 1
    return slug


def _publish_attachments(submission: LessonSubmission) -> list[LessonPageFile]:
    """Copy new attachments to the public image and document libraries (once each); the files the
    public page shows are exactly the lesson's current attachments."""
    for attachment in submission.attachments.filter(public_image__isnull=True, public_document__isnull=True):
        with attachment.file.open("rb") as handle:
            content = ContentFile(handle.read(), name=attachment.name)
        if attachment.kind == LessonAttachment.Kind.IMAGE:
            attachment.public_image = Image.objects.create(title=attachment.alt_text or attachment.name, file=content)
        else:
            attachment.public_document = Document.objects.create(title=attachment.name, file=content)
        attachment.save(update_fields=["public_image", "public_document"])
    return [
        LessonPageFile(kind=LessonPageFile.Kind.IMAGE, image_id=a.public_image_id, alt_text=a.alt_text)
        if a.kind == LessonAttachment.Kind.IMAGE
        else LessonPageFile(kind=LessonPageFile.Kind.DOCUMENT, document_id=a.public_document_id)
        for a in submission.attachments.all()
    ]


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
    files = _publish_attachments(submission)
    page = submission.page.specific if submission.page_id else None
    if page is None:
        index = library_index()
        page = LessonPage(slug=_unique_slug(index, submission.title), lesson_date=now.date(), **fields)
        page.advices = list(submission.advices.all())
        page.themes = list(submission.themes.all())
        page.files = files
        index.add_child(instance=page)
    else:
        for key, value in fields.items():
            setattr(page, key, value)
        page.advices = list(submission.advices.all())
        page.themes = list(submission.themes.all())
        page.files = files
    # The flow's approval is the authority here, not the reviewer's Wagtail page permissions.
    page.save_revision(user=user, log_action=False).publish(user=user, skip_permission_checks=True)
    submission.page = page
    submission.state = LessonSubmission.State.PUBLISHED
    submission.published_at = now
    submission.save(update_fields=["page", "state", "published_at", "updated_at"])
    return page
