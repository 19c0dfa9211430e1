"""Forms of the region workspace: a checklist item's state and an indicator value."""

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learning.models import ChecklistStatus, SchoolType
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


class IndicatorValueForm(forms.Form):
    school_type = forms.ChoiceField(label=_("School type"), choices=SchoolType.choices)
    year = forms.IntegerField(label=_("Year"), min_value=2015)
    value = forms.DecimalField(
        label=_("Youth care use (%)"),
        min_value=0,
        max_value=100,
        max_digits=5,
        decimal_places=2,
        help_text=_("Share of pupils of this school type who used youth care in that year, between 0 and 100."),
    )
    source = forms.CharField(
        label=_("Source"), max_length=200, help_text=_("For example: Monitor Aansluiting Onderwijs Jeugdhulp, 2024.")
    )

    def clean_year(self):
        year = self.cleaned_data["year"]
        if year > timezone.localdate().year:
            raise forms.ValidationError(_("The year cannot be in the future."))
        return year
