"""Forms of the sharing flow: the lesson the team writes, the review, and the library's filters
(the public filter set lives in learning.library.filters)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from learning.models import Advice, LessonTheme, LifeDomain, SchoolType

RICH_HELP = _(
    "Plain text; leave an empty line between paragraphs. Simple formatting (bold, italic, lists, "
    "links) is kept, everything else is removed. Never write about individual pupils or children."
)


class LessonForm(forms.Form):
    """What the team writes. Nothing is required to save a draft; submitting checks completeness
    (workflows.sharing.services.lesson_missing)."""

    title = forms.CharField(label=_("Title"), max_length=150, required=False)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=600,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Two or three sentences: shown in the library and in feeds."),
    )
    situation = forms.CharField(
        label=_("The situation"), max_length=8000, required=False, widget=forms.Textarea, help_text=RICH_HELP
    )
    approach = forms.CharField(label=_("What we did"), max_length=8000, required=False, widget=forms.Textarea)
    worked = forms.CharField(label=_("What worked"), max_length=8000, required=False, widget=forms.Textarea)
    did_not_work = forms.CharField(label=_("What did not work"), max_length=8000, required=False, widget=forms.Textarea)
    tips = forms.CharField(label=_("Tips for other regions"), max_length=8000, required=False, widget=forms.Textarea)
    advices = forms.ModelMultipleChoiceField(
        label=_("Advices"),
        queryset=Advice.objects.order_by("number"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"), queryset=LessonTheme.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )
    life_domains = forms.MultipleChoiceField(
        label=_("Life domains"), choices=LifeDomain.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    school_types = forms.MultipleChoiceField(
        label=_("School types"), choices=SchoolType.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    partners = forms.CharField(
        label=_("Partners involved"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Organisations, not people: for example the municipality, the SWV, a youth care provider."),
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=120, required=False)
    contact_consent = forms.BooleanField(
        label=_("This person agreed to be named on the public page"),
        required=False,
        help_text=_("Without this consent the name is not published."),
    )
    image = forms.FileField(label=_("Add an image"), required=False, help_text=_("PNG, JPEG or WebP, at most 5 MB."))
    image_alt = forms.CharField(
        label=_("What the image shows"),
        max_length=250,
        required=False,
        help_text=_("Needed for an image: read out to people who cannot see it."),
    )
    document = forms.FileField(label=_("Add a document"), required=False, help_text=_("PDF, DOCX or ODT."))

    def __init__(self, *args, attachments=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(str(a.pk), a.name) for a in attachments]
        if choices:
            self.fields["remove"] = forms.MultipleChoiceField(
                label=_("Remove files"), choices=choices, required=False, widget=forms.CheckboxSelectMultiple
            )

    @staticmethod
    def initial_for(submission) -> dict:
        return {
            "title": submission.title,
            "summary": submission.summary,
            "situation": submission.situation,
            "approach": submission.approach,
            "worked": submission.worked,
            "did_not_work": submission.did_not_work,
            "tips": submission.tips,
            "advices": list(submission.advices.all()),
            "themes": list(submission.themes.all()),
            "life_domains": submission.life_domain_list,
            "school_types": submission.school_type_list,
            "partners": submission.partners,
            "contact_name": submission.contact_name,
            "contact_consent": submission.contact_consent,
        }

    def valid_data(self) -> dict:
        """The fields that passed validation (call after ``is_valid()``): saved even when others fail."""
        data = dict(self.cleaned_data)
        for name in ("image", "image_alt", "document", "remove"):
            data.pop(name, None)
        return data


class LessonReviewForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[
            ("approve", _("Approve and publish")),
            ("changes", _("Ask the region for changes")),
            ("decline", _("Decline")),
        ],
        widget=forms.RadioSelect,
    )
    message = forms.CharField(
        label=_("Message to the region"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Needed when you ask for changes or decline: say what and why."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("outcome") in ("changes", "decline") and not (cleaned.get("message") or "").strip():
            self.add_error("message", _("Write the region a motivation."))
        return cleaned


class LessonStartForm(forms.Form):
    region = forms.ModelChoiceField(label=_("Region"), queryset=None, empty_label=None)

    def __init__(self, *args, regions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions
