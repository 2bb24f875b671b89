import django_filters
from django.db.models import Q

from core.widgets import SearchInput

from .models import FaqEntry

MAX_QUERY_LENGTH = 100
MAX_WORDS = 10


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
