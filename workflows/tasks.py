"""Background tasks of the workflows (django-tasks).

E-mail is queued on the ``email`` task backend (settings.TASKS: django-tasks-db's database queue by
default) inside the transaction of the step that caused it, so a message exists exactly when the
step was committed. A worker delivers it: ``python manage.py db_worker --backend email``.
"""

from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task


@task(backend="email")
def send_email(*, subject: str, body: str, recipients: list[str]) -> int:
    """Send one plain-text message to each recipient separately (no one sees the others' addresses)."""
    sent = 0
    for recipient in recipients:
        sent += send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient], fail_silently=False)
    return sent
