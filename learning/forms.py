from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from learning.models import ChecklistStatus
from regions.uploads import validate_upload


class ChecklistItemForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ChecklistStatus.choices, widget=forms.RadioSelect)
    explanation = forms.CharField(
        label=_("Explanation"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What is in place, what is not yet, and why. No names or details of children or pupils."),
    )
    evidence_url = forms.URLField(
        label=_("Evidence (link)"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("For example a published agreement or report."),
    )
    evidence_file = forms.FileField(
        label=_("Evidence (document)"),
        required=False,
        help_text=_("PDF, DOCX or ODT, at most %(max)s MB.") % {"max": settings.UPLOAD_MAX_BYTES // (1024 * 1024)},
    )

    def clean_evidence_file(self):
        uploaded = self.cleaned_data.get("evidence_file")
        if uploaded:
            validate_upload(uploaded)
        return uploaded
