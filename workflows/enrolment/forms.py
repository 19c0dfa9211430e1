from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from learning.models import Advice
from regions.models import Municipality, Organisation, Samenwerkingsverband, User
from regions.uploads import validate_upload
from workflows.enrolment.models import MAX_REVIEWERS, Review


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field; each is checked on its own (see ApplicationForm.clean_documents)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.docx,.odt"}))
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            return [f for f in data if f]
        return [data] if data else []


class AdviceChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        if obj.is_core:
            return _("%(advice)s (core advice)") % {"advice": obj}
        return str(obj)


class ApplicationForm(forms.Form):
    """The application. Everything may stay empty in a draft; submitting asks for completeness."""

    region_name = forms.CharField(label=_("Name of the region"), max_length=120)
    municipalities = forms.ModelMultipleChoiceField(
        label=_("Municipalities"),
        queryset=Municipality.objects.all(),
        required=False,
        help_text=_("Hold Ctrl (Cmd on a Mac) to choose more than one."),
        widget=forms.SelectMultiple(attrs={"size": 10}),
    )
    samenwerkingsverbanden = forms.ModelMultipleChoiceField(
        label=_("Samenwerkingsverbanden passend onderwijs"),
        queryset=Samenwerkingsverband.objects.all(),
        required=False,
        help_text=_("Hold Ctrl (Cmd on a Mac) to choose more than one."),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    partners = forms.CharField(
        label=_("Partner organisations"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One organisation per line: school boards, care providers, childcare..."),
    )
    development_question = forms.CharField(
        label=_("Development question (ontwikkelvraag)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What does the region want to learn or change?"),
    )
    advices = AdviceChoiceField(
        label=_("Advices the region will work on"),
        queryset=Advice.objects.order_by("-is_core", "number"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The two core advices come first; choose at least one advice."),
    )
    ambition = forms.CharField(label=_("Ambition"), required=False, widget=forms.Textarea(attrs={"rows": 5}))
    activities = forms.CharField(
        label=_("Planned activities"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    public_summary = forms.CharField(
        label=_("Public summary"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Two or three sentences about the region. Published on the region's public page once accepted."),
    )
    verbinder_1_name = forms.CharField(label=_("First verbinder: name"), required=False, max_length=120)
    verbinder_1_email = forms.EmailField(label=_("First verbinder: e-mail address"), required=False)
    verbinder_2_name = forms.CharField(label=_("Second verbinder (optional): name"), required=False, max_length=120)
    verbinder_2_email = forms.EmailField(label=_("Second verbinder (optional): e-mail address"), required=False)
    documents = MultipleFileField(
        label=_("Supporting documents"),
        help_text=_("PDF, DOCX or ODT, at most %(max)s MB each. You can choose several files.")
        % {"max": settings.UPLOAD_MAX_BYTES // (1024 * 1024)},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.valid_files = []

    def clean_documents(self):
        files = self.cleaned_data.get("documents") or []
        errors = []
        for uploaded in files:
            try:
                validate_upload(uploaded)
            except ValidationError as error:
                errors.append(f"{uploaded.name}: {' '.join(error.messages)}")
            else:
                self.valid_files.append(uploaded)
        if errors:
            raise ValidationError(errors)
        return files

    def clean(self):
        cleaned = super().clean()
        for number in ("1", "2"):
            name, email = cleaned.get(f"verbinder_{number}_name"), cleaned.get(f"verbinder_{number}_email")
            if email and not name:
                self.add_error(f"verbinder_{number}_name", _("Give the name that goes with this e-mail address."))
        return cleaned

    @staticmethod
    def initial_for(application):
        return {
            "region_name": application.region.name,
            "municipalities": list(application.municipalities.all()),
            "samenwerkingsverbanden": list(application.samenwerkingsverbanden.all()),
            "partners": application.partners,
            "development_question": application.development_question,
            "advices": list(application.advices.all()),
            "ambition": application.ambition,
            "activities": application.activities,
            "public_summary": application.public_summary,
            "verbinder_1_name": application.verbinder_1_name,
            "verbinder_1_email": application.verbinder_1_email,
            "verbinder_2_name": application.verbinder_2_name,
            "verbinder_2_email": application.verbinder_2_email,
        }


class RegionNameForm(forms.Form):
    region_name = forms.CharField(label=_("Name of the region"), max_length=120)


class RegisterForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"), help_text=_("This is also your user name."))
    region_name = forms.CharField(label=_("Name of the region you want to apply for"), max_length=120)
    password1 = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password again"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords differ."))
        elif password1:
            probe = User(
                username=cleaned.get("email", ""),
                email=cleaned.get("email", ""),
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(password1, probe)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class InviteForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"))
    region_name = forms.CharField(label=_("Name of the region"), max_length=120)


class IntakeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Is the application complete?"),
        choices=[
            ("complete", _("Complete: assign reviewers")),
            ("incomplete", _("Incomplete: return to the region")),
        ],
        widget=forms.RadioSelect,
    )
    organisations = forms.ModelMultipleChoiceField(
        label=_("Coalition member organisations that review"),
        queryset=Organisation.objects.filter(kind=Organisation.Kind.COALITION_MEMBER),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose one to three organisations."),
    )
    connector = forms.ModelChoiceField(
        label=_("Coalitieverbinder"),
        queryset=Organisation.objects.filter(kind=Organisation.Kind.COALITION_MEMBER),
        required=False,
        empty_label=_("Choose an organisation"),
        help_text=_("One of the chosen organisations; it is paired with the region when the region is accepted."),
    )
    motivation = forms.CharField(
        label=_("Message"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when you return the application: tell the region what is missing."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("outcome") == "complete":
            organisations = list(cleaned.get("organisations") or [])
            if not 1 <= len(organisations) <= MAX_REVIEWERS:
                self.add_error("organisations", _("Choose one to three organisations."))
            connector = cleaned.get("connector")
            if connector is None:
                self.add_error("connector", _("Choose the coalitieverbinder."))
            elif connector not in organisations:
                self.add_error("connector", _("The coalitieverbinder must be one of the chosen organisations."))
        elif cleaned.get("outcome") == "incomplete" and not (cleaned.get("motivation") or "").strip():
            self.add_error("motivation", _("Tell the region what is missing."))
        return cleaned


class ReviewForm(forms.Form):
    recommendation = forms.ChoiceField(
        label=_("Recommendation"), choices=Review.Recommendation.choices, widget=forms.RadioSelect
    )
    motivation = forms.CharField(label=_("Motivation"), widget=forms.Textarea(attrs={"rows": 6}))


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("accept", _("Accept the region")),
            ("changes", _("Ask the region for changes")),
            ("reject", _("Reject the application")),
        ],
        widget=forms.RadioSelect,
        help_text=_(
            "On acceptance the region becomes active, its applicant joins the region team, the "
            "coalitieverbinder's organisation is paired with it, and its public page is published at once "
            "with the name and public summary the region wrote for it (editors can improve it later)."
        ),
    )
    motivation = forms.CharField(
        label=_("Motivation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Required when you reject or ask for changes; the region reads it."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("outcome") in ("reject", "changes") and not (cleaned.get("motivation") or "").strip():
            self.add_error("motivation", _("Give a motivation."))
        return cleaned


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)
    internal = forms.BooleanField(label=_("Internal note (coalition and programme office only)"), required=False)
