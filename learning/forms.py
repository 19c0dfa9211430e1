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


# --- Progress reports ----------------------------------------------------------------------------
class ReportingRoundForm(forms.ModelForm):
    class Meta:
        from learning.models import ReportingRound

        model = ReportingRound
        fields = ["name", "period_start", "period_end", "opens_on", "due_on"]
        widgets = {name: forms.DateInput(attrs={"type": "date"}) for name in fields[1:]}
        help_texts = {
            "name": _("For example: first half of 2025."),
            "period_end": _("The period a report is about must be over by the due date."),
        }


class ReportForm(forms.Form):
    next_steps = forms.CharField(
        label=_("Next steps"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What the region will do in the coming period, and what it needs from the coalition."),
    )
    appendix = forms.FileField(
        label=_("Appendix (document)"),
        required=False,
        help_text=_("PDF, DOCX or ODT, at most %(max)s MB.") % {"max": settings.UPLOAD_MAX_BYTES // (1024 * 1024)},
    )

    def clean_appendix(self):
        uploaded = self.cleaned_data.get("appendix")
        if uploaded:
            validate_upload(uploaded)
        return uploaded


class NarrativeForm(forms.Form):
    """What the region writes about one advice (the form's prefix carries the advice)."""

    changed = forms.CharField(
        label=_("What changed"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )
    helped = forms.CharField(
        label=_("What helped"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )
    blocked = forms.CharField(
        label=_("What blocked"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReportIndicatorForm(IndicatorValueForm):
    """One reported indicator value; a row left empty is ignored."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False
        self.fields["school_type"].choices = [("", "–"), *SchoolType.choices]

    def clean_year(self):
        return super().clean_year() if self.cleaned_data.get("year") is not None else None

    def clean(self):
        data = super().clean()
        filled = [name for name in ("school_type", "year", "value", "source") if data.get(name) not in (None, "")]
        if filled and not self.errors:
            for name in ("school_type", "year", "value", "source"):
                if data.get(name) in (None, ""):
                    self.add_error(name, _("Fill in this field too, or leave the whole row empty."))
        return data

    @property
    def is_filled(self) -> bool:
        return bool(self.cleaned_data.get("school_type"))


ReportIndicatorFormSet = forms.formset_factory(ReportIndicatorForm, extra=0, max_num=30, absolute_max=30)


class ReportReviewForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[("accept", _("Accept the report")), ("questions", _("Send questions back to the region"))],
        widget=forms.RadioSelect,
    )
    message = forms.CharField(
        label=_("Feedback or questions"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Required when you send questions back. The region's team reads this."),
    )

    def clean(self):
        data = super().clean()
        if data.get("outcome") == "questions" and not (data.get("message") or "").strip():
            self.add_error("message", _("Write the questions for the region."))
        return data
