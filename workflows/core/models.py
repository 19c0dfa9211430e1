"""Abstract records every flow keeps: the versions people submitted and the timeline of steps.
Each flow makes its concrete models from these, with a foreign key to its own record."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class FlowVersion(models.Model):
    """What was submitted, frozen: every version is kept (the record's own fields hold the draft)."""

    number = models.PositiveSmallIntegerField(_("version"))
    data = models.JSONField(_("submitted data"))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["-number"]

    def __str__(self):
        return f"v{self.number}"


class FlowEvent(models.Model):
    """One step in a record's timeline: who did what, when. The flow adds what (``kind``) and why."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.kind} ({self.created_at:%Y-%m-%d})"


class VersionedEvent(FlowEvent):
    """A timeline entry of a record that is written and reviewed in turns (a report, a lesson): the
    version it concerns and the message that went with it (questions, a motivation)."""

    version = models.PositiveSmallIntegerField(_("version"), default=0)
    message = models.TextField(_("message"), blank=True)

    class Meta(FlowEvent.Meta):
        abstract = True
