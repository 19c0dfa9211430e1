from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from regions.models import Organisation, Region, User
from regions.roles import Role
from regions.uploads import validate_upload


class RegionStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Region.Status.choices)


class PairOrganisationForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Coalition member organisation"),
        queryset=Organisation.objects.none(),
        empty_label=_("Choose an organisation"),
    )

    def __init__(self, *args, region: Region, paired_ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            kind=Organisation.Kind.COALITION_MEMBER
        ).exclude(pk__in=paired_ids)


class ConnectorForm(forms.Form):
    user = forms.ModelChoiceField(
        label=_("Coalition connector"), queryset=User.objects.none(), empty_label=_("Choose a person")
    )

    def __init__(self, *args, paired_ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            User.objects.filter(is_active=True, organisation_id__in=paired_ids, groups__name=Role.COALITION_CONNECTOR)
            .select_related("organisation")
            .order_by("last_name")
        )
        self.fields["user"].label_from_instance = lambda u: f"{u} ({u.organisation})"


class DocumentUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Document"),
        help_text=_("PDF, DOCX or ODT, at most %(max)s MB.") % {"max": settings.UPLOAD_MAX_BYTES // (1024 * 1024)},
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        validate_upload(uploaded)
        return uploaded
