import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

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
