"""The filterable list of roles and each role's own page."""

from django.http import Http404, QueryDict
from django.urls import reverse
from django.views.generic import TemplateView
from django_filters.views import FilterView

from ..filters import DEFAULT_SORT, RoleFilter
from ..models import Role
from ..querysets import PAY_RANGE, pick_salary
from ..selectors import role_page, role_rows

# Each suggestion in the empty state costs a count query; past this many filters, just list them.
MAX_LOOSEN_SUGGESTIONS = 6
# A row names this many of a role's skills and counts the rest.
KEY_SKILLS_SHOWN = 5


def _query_without(params, key, value=None):
    """`params` with one filter removed (one value of a repeated one) and back on page 1."""
    params = params.copy()
    params.pop("page", None)
    if value is None:
        params.pop(key, None)
    else:
        params.setlist(key, [v for v in params.getlist(key) if v != value])
    return params


def _href(params):
    path = reverse("careers:role_list")
    return f"{path}?{params.urlencode()}" if params else path


def active_filters(filterset):
    """(label, params without it) for every filter the request applies validly."""
    data = getattr(filterset.form, "cleaned_data", {})
    params = filterset.data if isinstance(filterset.data, QueryDict) else QueryDict()
    found = []
    if data.get("q"):
        found.append((f"Search: “{data['q']}”", _query_without(params, "q")))
    if data.get("pay_min") is not None:
        found.append((f"Median pay from ${data['pay_min']:,}", _query_without(params, "pay_min")))
    if data.get("pay_max") is not None:
        found.append((f"Median pay up to ${data['pay_max']:,}", _query_without(params, "pay_max")))
    label = filterset.label_of
    for slug in dict.fromkeys(data.get("skill") or []):  # a skill given twice is one filter
        found.append((f"Skill: {label('skill', slug)}", _query_without(params, "skill", slug)))
    if data.get("stage"):
        stage = label("stage", data["stage"])
        found.append((f"Career stage: {stage}", _query_without(params, "stage")))
    if data.get("company"):
        company = label("company", data["company"])
        found.append((f"Hiring: {company}", _query_without(params, "company")))
    return found


def cite_pay(roles):
    """Attach each role's median and range records and number their sources as footnotes.

    Needs `role.salary_records` (newest first, from `selectors.role_rows`). One footnote per
    distinct source and date, so a page of roles from one source has one note.
    """
    notes = {}
    for role in roles:
        role.median_salary = pick_salary(role.salary_records, "median")
        role.range_salary = pick_salary(role.salary_records, *PAY_RANGE)
        for kind in ("median", "range"):
            salary = getattr(role, f"{kind}_salary")
            if salary is not None:
                key = (salary.source_id, salary.as_of, salary.as_of_precision)
                if key not in notes:
                    number = len(notes) + 1
                    notes[key] = (number, salary)
                number, _ = notes[key]
                setattr(role, f"{kind}_note", number)
    return [salary for _, salary in notes.values()]


def name_key_skills(roles, shown=KEY_SKILLS_SHOWN):
    """Give each listed role the skill names its row shows and how many more it has.

    Done once here rather than with slice/length filters in the row template, which ran per row.
    """
    for role in roles:
        role.key_skills = role.skill_names[:shown]
        role.more_skills = max(len(role.skill_names) - shown, 0)


class RoleListView(FilterView):
    """/careers/: roles filtered by the query string; bad parameters give form errors, not 500s."""

    filterset_class = RoleFilter
    template_name = "careers/role_list.html"
    context_object_name = "roles"
    paginate_by = 25

    def get_queryset(self):
        # Only the empty answer to an invalid form comes from here (FilterView lists
        # queryset.none()); valid filters run as the filterset's RoleSearch.
        return Role.objects.published()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = self.filterset
        # The page's rows, read once; skills and pay come in two queries for the whole page.
        roles = role_rows(list(context["roles"]))
        context["roles"] = context["object_list"] = roles
        context["pay_notes"] = cite_pay(roles)
        name_key_skills(roles)
        page = context.get("page_obj")
        if page is not None:
            context["page_range"] = page.paginator.get_elided_page_range(
                page.number, on_each_side=2, on_ends=1
            )
        context["active_filters"] = [
            {"label": label, "href": _href(params)} for label, params in active_filters(filterset)
        ]
        context["clear_href"] = _href(self._sort_only())
        if filterset.is_valid() and not context["paginator"].count:
            context["loosen"] = self.loosen_suggestions(filterset)
        return context

    def _sort_only(self):
        params = QueryDict(mutable=True)
        sort = getattr(self.filterset.form, "cleaned_data", {}).get("sort")
        if sort and sort != DEFAULT_SORT:
            params["sort"] = sort
        return params

    def loosen_suggestions(self, filterset):
        """For an empty result: how many roles each filter hides, so the reader knows which to drop."""
        found = active_filters(filterset)
        if len(found) > MAX_LOOSEN_SUGGESTIONS:
            return [
                {"label": label, "href": _href(params), "count": None} for label, params in found
            ]
        suggestions = []
        for label, params in found:
            relaxed = RoleFilter(
                params, queryset=self.get_queryset(), choices=filterset.choice_rows
            )
            suggestions.append({"label": label, "href": _href(params), "count": relaxed.qs.count()})
        return suggestions


class RoleDetailView(TemplateView):
    """/careers/<slug>/: eight queries however many roles, skills or salaries exist.

    Reads through `selectors.role_page()`, which skips the ORM's per-query overhead (its
    docstring says why); 404 for a missing or unpublished role.
    """

    template_name = "careers/role_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = role_page(kwargs["slug"])
        if page is None:
            raise Http404("No published role has this address.")
        context.update(vars(page))
        return context
