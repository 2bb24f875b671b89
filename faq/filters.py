import django_filters
from django import forms
from django.db.models import Q

from .models import FaqEntry

MAX_QUERY_LENGTH = 100
MAX_WORDS = 10


class SearchInput(forms.TextInput):
    input_type = "search"

    def format_value(self, value):
        # A refused NUL must not be echoed back: it is a parse error in HTML.
        value = super().format_value(value)
        return value.replace("\x00", "") if value else value


class FaqFilter(django_filters.FilterSet):
    # forms.CharField already refuses NUL characters with a form error; max_length bounds the work.
    q = django_filters.CharFilter(
        label="Search the questions and answers",
        method="filter_words",
        max_length=MAX_QUERY_LENGTH,
        widget=SearchInput(attrs={"autocomplete": "off"}),
    )

    class Meta:
        model = FaqEntry
        fields = ["q"]

    def filter_words(self, queryset, name, value):
        words = value.split()[:MAX_WORDS]
        for word in words:
            queryset = queryset.filter(Q(question__icontains=word) | Q(answer__icontains=word))
        return queryset
