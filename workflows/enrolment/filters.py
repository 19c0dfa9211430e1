import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from regions.models import Organisation, Region
from workflows.enrolment import selectors
from workflows.enrolment.models import EnrolmentApplication


class ApplicationFilterSet(django_filters.FilterSet):
    """Filters for the list of applications; region and organisation choices are access-scoped."""

    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=EnrolmentApplication.Status.choices, empty_label=_("All statuses")
    )
    region = django_filters.ModelChoiceFilter(
        label=_("Region"), queryset=Region.objects.none(), empty_label=_("All regions")
    )
    organisation = django_filters.ModelChoiceFilter(
        label=_("Reviewing organisation"),
        queryset=Organisation.objects.none(),
        method="filter_organisation",
        empty_label=_("All organisations"),
    )
    submitted_after = django_filters.DateFilter(
        label=_("Submitted from"),
        field_name="submitted_at",
        lookup_expr="date__gte",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    submitted_before = django_filters.DateFilter(
        label=_("Submitted until"),
        field_name="submitted_at",
        lookup_expr="date__lte",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    class Meta:
        model = EnrolmentApplication
        fields = ["status", "region", "organisation", "submitted_after", "submitted_before"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["region"].queryset = selectors.filter_regions(user=user)
        self.filters["organisation"].queryset = selectors.filter_organisations(user=user)

    def filter_organisation(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(pk__in=value.enrolment_reviews.values("application_id"))
