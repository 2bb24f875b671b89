"""The editor's to-do page: what is old, undated or missing, each line linked to its form."""

from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.views.generic import TemplateView

from careers.models import OutlookStatistic, Role, Salary, Source
from careers.models.base import stale_cutoff
from core.age import age_words

# Lines shown per list; the rest are one click away in the filtered change list.
LIMIT = 25
DELETED_LIMIT = 10


def changelist_url(model, **filters):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    query = "&".join(f"{key}={value}" for key, value in filters.items())
    return f"{url}?{query}" if query else url


def change_url(model, pk):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[pk])


def todo_list(title, queryset, model, filters, describe, empty):
    """One section: its first LIMIT lines, the total, and the filtered list for the rest."""
    rows = list(queryset[:LIMIT])
    total = queryset.count()
    return {
        "title": title,
        "lines": [(change_url(model, row.pk), describe(row)) for row in rows],
        "total": total,
        "more_url": changelist_url(model, **filters) if total > len(rows) else "",
        "empty": empty,
    }


def salary_line(salary):
    return f"{salary.role} — {salary.source} ({salary.as_of_display or 'no date stated'})"


def statistic_line(statistic):
    return f"{statistic.label} — {statistic.source or 'no source'} ({statistic.as_of_display or 'no date stated'})"


def recently_deleted():
    """The last few deletions of each content model whose record is still gone, newest first;
    each links to its history, where the last version can be restored."""
    lines = []
    for label in settings.PAGE_CACHE_CONTENT_APPS:
        for model in apps.get_app_config(label).get_models():
            if not hasattr(model._meta, "simple_history_manager_attribute"):
                continue
            deletions = (
                model.history.filter(history_type="-")
                .exclude(**{f"{model._meta.pk.attname}__in": model._default_manager.values("pk")})
                .select_related("history_user")
                .order_by("-history_date")[:DELETED_LIMIT]
            )
            for record in deletions:
                url = reverse(
                    f"admin:{model._meta.app_label}_{model._meta.model_name}_history",
                    args=[record.instance.pk],
                )
                lines.append((record.history_date, model._meta.verbose_name, record, url))
    lines.sort(key=lambda line: line[0], reverse=True)
    return lines[:LIMIT]


class EditorTodoView(TemplateView):
    template_name = "admin/editor_todo.html"

    def get_context_data(self, **kwargs):
        request = self.request
        if not request.user.has_module_perms("careers"):
            raise PermissionDenied
        cutoff = stale_cutoff()
        age = age_words(settings.CAREERGUIDE_STALE_AFTER_MONTHS)
        salaries = Salary.objects.select_related("role", "source").order_by(
            "as_of", "role__title", "pk"
        )
        statistics = OutlookStatistic.objects.select_related("source").order_by("as_of", "pk")
        roles = Role.objects.order_by("title", "pk")
        sections = [
            todo_list(
                f"Pay figures more than {age} old",
                salaries.filter(as_of__lt=cutoff),
                Salary,
                {"age": "old"},
                salary_line,
                "None: every dated pay figure is recent enough.",
            ),
            todo_list(
                f"Outlook figures more than {age} old",
                statistics.filter(as_of__lt=cutoff),
                OutlookStatistic,
                {"age": "old"},
                statistic_line,
                "None: every dated outlook figure is recent enough.",
            ),
            todo_list(
                "Pay figures with no date stated",
                salaries.filter(as_of__isnull=True),
                Salary,
                {"age": "undated"},
                salary_line,
                "None.",
            ),
            todo_list(
                "Outlook figures with no date stated",
                statistics.filter(as_of__isnull=True, value__isnull=False),
                OutlookStatistic,
                {"age": "undated"},
                statistic_line,
                "None.",
            ),
            todo_list(
                "Roles without pay figures",
                roles.without_pay(),
                Role,
                {"missing": "pay"},
                str,
                "None: every role has pay figures.",
            ),
            todo_list(
                "Roles without a description",
                roles.without_description(),
                Role,
                {"missing": "description"},
                str,
                "None: every role has a description.",
            ),
            todo_list(
                "Roles without skills",
                roles.without_skills(),
                Role,
                {"missing": "skills"},
                str,
                "None: every role lists its skills.",
            ),
            todo_list(
                "Sources without a link",
                Source.objects.filter(url="").order_by("publisher", "title", "pk"),
                Source,
                {"has_url": "no"},
                str,
                "None: every source links to its website.",
            ),
        ]
        return {
            **super().get_context_data(**kwargs),
            **admin.site.each_context(request),
            "title": "To do",
            "sections": sections,
            "deleted": recently_deleted(),
            "cutoff": cutoff,
        }


editor_todo = admin.site.admin_view(EditorTodoView.as_view())
