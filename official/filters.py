"""The areas page's search: bounded, validated, a QuerySet out."""

import django_filters

from core.widgets import SearchInput

FIND_MAX_LENGTH = 100


class AreaFinder(django_filters.FilterSet):
    find = django_filters.CharFilter(
        label="Area name",
        method="filter_find",
        max_length=FIND_MAX_LENGTH,
        widget=SearchInput,
        help_text="Part of a state's or metro area's name, e.g. San Jose or Texas.",
    )

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data if data is not None else {}, *args, **kwargs)

    def filter_find(self, queryset, name, value):
        return queryset.named_like(value)
