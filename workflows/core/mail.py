"""E-mail of the workflows, queued as background tasks (django-tasks).

Messages are rendered in Dutch and queued on the ``email`` task backend (settings.TASKS:
django-tasks-db's database queue by default) inside the transaction of the step that caused them,
so a message exists exactly when the step was committed. A worker delivers it:
``python manage.py db_worker --backend email``.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

LANGUAGE = "nl"


@task(backend="email")
def send_email(*, subject: str, body: str, recipients: list[str]) -> int:
    """Send one plain-text message to each recipient separately (no one sees the others' addresses)."""
    sent = 0
    for recipient in recipients:
        sent += send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient], fail_silently=False)
    return sent


def absolute(path: str) -> str:
    """The full URL of a path on this site, for links in e-mail."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def queue(template: str, recipients, context: dict) -> None:
    """Render ``<template>_subject.txt`` and ``<template>.txt`` in Dutch and queue one message per
    recipient (duplicates and empty addresses dropped)."""
    addresses = sorted({r for r in recipients if r})
    if not addresses:
        return
    with translation.override(LANGUAGE):
        context = {"site_name": settings.WAGTAIL_SITE_NAME, **context}
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}.txt", context)
    send_email.enqueue(subject=subject, body=body, recipients=addresses)
