from django.db.models import Prefetch
from django.views.generic import TemplateView

from careers.models import Role

from .filters import FaqFilter
from .models import FaqEntry, FaqTopic


class FaqListView(TemplateView):
    template_name = "faq/faq_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        queryset = (
            FaqEntry.objects.published()
            .select_related("source")
            .prefetch_related(
                Prefetch("related_roles", queryset=Role.objects.published().order_by("title"))
            )
            .order_by("topic", "order", "pk")
        )
        filterset = FaqFilter(self.request.GET or None, queryset=queryset)
        # An invalid search (too long, NUL bytes) shows its error and every entry, never a 500.
        entries = list(filterset.qs if filterset.is_valid() else queryset)
        context.update(
            filter=filterset,
            entries=entries,
            groups=[
                (topic.label, [e for e in entries if e.topic == topic.value]) for topic in FaqTopic
            ],
            searching=filterset.is_bound
            and filterset.is_valid()
            and bool(filterset.form.cleaned_data.get("q")),
        )
        return context
