"""Spam protection for the public site's Wagtail forms, without any outside service.

Two checks: a honeypot field that people never see (it is hidden by the stylesheet, so bots that
fill every field give themselves away) and a signed start time, so a form sent within a few
seconds of being shown, or days later, or with a forged time, is refused. What the visitor typed
is kept in every case; neither check's fields end up in the stored submission or the e-mail.
"""

import time

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

HONEYPOT_FIELD = "website"
STARTED_FIELD = "form_started"
MIN_SECONDS = 3
MAX_SECONDS = 60 * 60 * 24
_SALT = "cms.forms.started"


def form_token(at: float | None = None) -> str:
    """A signed token holding the moment the form was shown (now, unless ``at`` is given)."""
    return signing.dumps({"t": time.time() if at is None else at}, salt=_SALT)


def form_token_age(token: str) -> float | None:
    """Seconds since the token was made, or None when it is missing or forged."""
    try:
        started = float(signing.loads(token or "", salt=_SALT)["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    return time.time() - started


class SpamProtectedForm(BaseForm):
    """Wagtail's form-builder form with the honeypot and the time check added."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.fields[STARTED_FIELD] = forms.CharField(required=False, widget=forms.HiddenInput)
        self.fields[STARTED_FIELD].initial = form_token()

    def visible_fields_for_people(self):
        """The visible fields without the honeypot (the template renders the honeypot apart)."""
        return [field for field in self.visible_fields() if field.name != HONEYPOT_FIELD]

    def _renew_token(self):
        data = self.data.copy()
        data[self.add_prefix(STARTED_FIELD)] = form_token()
        self.data = data

    def clean(self):
        cleaned = super().clean()
        if cleaned.pop(HONEYPOT_FIELD, ""):
            raise forms.ValidationError(_("Your message could not be sent. Please try again."), code="spam")
        age = form_token_age(cleaned.pop(STARTED_FIELD, ""))
        if age is None or age > MAX_SECONDS:
            self._renew_token()
            raise forms.ValidationError(
                _("This form had been open too long. Please check your answers and send it again."), code="expired"
            )
        if age < MIN_SECONDS:
            raise forms.ValidationError(
                _("The form was sent very quickly. Please check your answers and send it again."), code="too_fast"
            )
        return cleaned


class SpamProtectedFormBuilder(FormBuilder):
    def get_form_class(self):
        return type("SpamProtectedWagtailForm", (SpamProtectedForm,), self.formfields)
