"""The public library's filters (django-filter): advice, theme, life domain, school type, region and
year, on the queryset of public lesson pages. Choices are read in one query each."""

from __future__ import annotations

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from learning.models import Advice, LessonTheme, LifeDomain, SchoolType
from regions.models import Region

SORTS = (("newest", _("Newest first")), ("relevance", _("Most relevant first")))


class LessonFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="keep",  # the search itself runs after filtering (learning.library.selectors.library)
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    advice = django_filters.ModelChoiceFilter(
        label=_("Advice"),
        field_name="advices",
        queryset=Advice.objects.order_by("number"),
        to_field_name="number",
        empty_label=_("All advices"),
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        field_name="themes",
        queryset=LessonTheme.objects.all(),
        to_field_name="slug",
        empty_label=_("All themes"),
    )
    life_domain = django_filters.ChoiceFilter(
        label=_("Life domain"), choices=LifeDomain.choices, method="filter_code", empty_label=_("All life domains")
    )
    school_type = django_filters.ChoiceFilter(
        label=_("School type"), choices=SchoolType.choices, method="filter_code", empty_label=_("All school types")
    )
    region = django_filters.ModelChoiceFilter(
        label=_("Region"),
        queryset=lambda request: Region.objects.filter(lesson_pages__live=True).distinct().order_by("name"),
        to_field_name="slug",
        empty_label=_("All regions"),
    )
    year = django_filters.ChoiceFilter(label=_("Year"), method="filter_year", empty_label=_("All years"), choices=())
    sort = django_filters.ChoiceFilter(label=_("Sort"), choices=SORTS, method="keep", empty_label=None)

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["year"].extra["choices"] = [(str(y), str(y)) for y in years]

    def keep(self, queryset, name, value):
        return queryset

    def filter_year(self, queryset, name, value):
        return queryset.filter(lesson_date__year=int(value))

    def filter_code(self, queryset, name, value):
        column = {"life_domain": "life_domains", "school_type": "school_types"}[name]
        return queryset.filter(**{f"{column}__contains": f",{value},"})
