"""Checks and storage for files people upload (application documents, evidence, attachments).

The type is read from the file's bytes, not from its name or the browser's word; the extension
must match it. Files are stored outside MEDIA_ROOT and only served through the
permission-checked download view (regions.views.document_download), always as attachments.
"""

from __future__ import annotations

import os

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.functional import LazyObject
from django.utils.translation import gettext as _

# mime type -> accepted extensions
DOCUMENT_TYPES = {
    "application/pdf": {"pdf"},
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {"docx"},
    "application/vnd.oasis.opendocument.text": {"odt"},
}
IMAGE_TYPES = {
    "image/png": {"png"},
    "image/jpeg": {"jpg", "jpeg"},
    "image/webp": {"webp"},
}


@deconstructible
class PrivateStorage(FileSystemStorage):
    """Local storage outside the public media folder; it has no URL on purpose."""

    def __init__(self):
        super().__init__(base_url=None)

    # Read the setting on every use, so that a changed PRIVATE_MEDIA_ROOT (tests, restore) applies.
    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no public URL; use the download view.")


class _LazyPrivateStorage(LazyObject):
    def _setup(self):
        self._wrapped = PrivateStorage()


private_storage = _LazyPrivateStorage()


def detect_type(uploaded_file) -> str | None:
    """The mime type read from the first bytes of the file (None when unknown)."""
    uploaded_file.seek(0)
    head = uploaded_file.read(8192)
    uploaded_file.seek(0)
    kind = filetype.guess(head)
    return kind.mime if kind else None


def validate_upload(
    uploaded_file, *, allowed: dict[str, set[str]] = DOCUMENT_TYPES, max_bytes: int | None = None
) -> str:
    """Raise a translated ValidationError unless the file is an allowed type and size; return its mime type."""
    max_bytes = max_bytes or settings.UPLOAD_MAX_BYTES
    if uploaded_file.size is None or uploaded_file.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if uploaded_file.size > max_bytes:
        raise ValidationError(
            _("The file is too large (%(size)s); the maximum is %(max)s.")
            % {"size": filesizeformat(uploaded_file.size), "max": filesizeformat(max_bytes)},
            code="too_large",
        )
    allowed_extensions = sorted({ext for exts in allowed.values() for ext in exts})
    mime = detect_type(uploaded_file)
    extension = os.path.splitext(uploaded_file.name or "")[1].lower().lstrip(".")
    if mime not in allowed or extension not in allowed[mime]:
        raise ValidationError(
            _("This type of file is not accepted. Allowed: %(types)s.") % {"types": ", ".join(allowed_extensions)},
            code="file_type",
        )
    return mime


def safe_filename(name: str) -> str:
    """The file's base name, without path parts or control characters, at most 120 characters."""
    base = os.path.basename(name or "").replace("\x00", "")
    base = "".join(ch for ch in base if ch.isprintable() and ch not in '\\/:*?"<>|')
    stem, ext = os.path.splitext(base)
    return (stem[: 120 - len(ext)] or "bestand") + ext.lower()
