from django.db.models import Prefetch
from django.views import View
from django.views.generic import TemplateView

from careers.models import Role
from core.querystrings import form_query
from core.spreadsheet import csv_download, invalid_filters

from .filters import FaqFilter
from .models import FaqEntry, FaqTopic


def faq_entries():
    """Published entries in the page's order, with their sources and published related roles."""
    return (
        FaqEntry.objects.published()
        .select_related("source")
        .prefetch_related(
            Prefetch("related_roles", queryset=Role.objects.published().order_by("title"))
        )
        .order_by("topic", "order", "pk")
    )


class FaqListView(TemplateView):
    template_name = "faq/faq_list.html"
    query_parameters = (FaqFilter,)  # what the page cache keys it by

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        queryset = faq_entries()
        filterset = FaqFilter(self.request.GET or None, queryset=queryset)
        # An invalid search (too long, NUL bytes) shows its error and every entry, never a 500.
        entries = list(filterset.qs if filterset.is_valid() else queryset)
        context.update(
            filter=filterset,
            link_query=form_query(filterset.form),
            entries=entries,
            groups=[
                (topic.label, [e for e in entries if e.topic == topic.value]) for topic in FaqTopic
            ],
            searching=filterset.is_bound
            and filterset.is_valid()
            and bool(filterset.form.cleaned_data.get("q")),
        )
        return context


EXPORT_COLUMNS = ["slug", "question", "answer", "topic", "url", "source", "source_url", "roles"]


class FaqExportView(View):
    """/faq/export.csv?q=...: the entries the FAQ page shows for the same search, as CSV."""

    query_parameters = (FaqFilter,)  # what the page cache keys it by

    def get(self, request):
        filterset = FaqFilter(request.GET, queryset=faq_entries())
        if not filterset.is_valid():
            return invalid_filters(filterset.form, "This search")
        base_url = request.build_absolute_uri("/")[:-1]
        rows = (
            [
                entry.slug,
                entry.question,
                entry.answer,
                entry.get_topic_display(),
                base_url + entry.get_absolute_url(),
                entry.source or "not named",
                entry.source.url if entry.source else "",
                "; ".join(role.title for role in entry.related_roles.all()),
            ]
            for entry in filterset.qs
        )
        return csv_download(EXPORT_COLUMNS, rows, "careerguide-faq.csv")
