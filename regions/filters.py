import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import ModelLogEntry

from regions.models import Province, Region


class RegionFilterSet(django_filters.FilterSet):
    """Filters for the portal's region list; the queryset it filters is already access-scoped."""

    q = django_filters.CharFilter(label=_("Search"), method="filter_search", max_length=100)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Region.Status.choices, empty_label=_("All"))
    province = django_filters.ChoiceFilter(label=_("Province"), choices=Province.choices, empty_label=_("All"))

    class Meta:
        model = Region
        fields = ["q", "status", "province"]

    def filter_search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(name__icontains=value) | Q(municipalities__name__icontains=value)).distinct()


class AuditLogFilterSet(django_filters.FilterSet):
    """Filters for the audit log (programme office)."""

    action = django_filters.ChoiceFilter(label=_("Action"), empty_label=_("All"), choices=[])
    user = django_filters.CharFilter(label=_("Person (username)"), field_name="user__username", lookup_expr="iexact")
    date_from = django_filters.DateFilter(
        label=_("From"),
        field_name="timestamp",
        lookup_expr="date__gte",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = django_filters.DateFilter(
        label=_("Until"),
        field_name="timestamp",
        lookup_expr="date__lte",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    class Meta:
        model = ModelLogEntry
        fields = ["action", "user", "date_from", "date_to"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["action"].extra["choices"] = sorted(log_action_registry.get_choices(), key=lambda c: str(c[1]))
