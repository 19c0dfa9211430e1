"""Forms of the reporting flow: a reporting round, the report the region writes (with a narrative per
advice and indicator values) and the review."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from learning.forms import IndicatorValueForm
from learning.models import SchoolType
from regions.uploads import validate_upload
from workflows.reporting.models import ReportingRound


class ReportingRoundForm(forms.ModelForm):
    class Meta:
        model = ReportingRound
        fields = ["name", "period_start", "period_end", "opens_on", "due_on"]
        widgets = {name: forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d") for name in fields[1:]}
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
