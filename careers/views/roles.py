"""The filterable list of roles and each role's own page."""

from django.http import Http404, QueryDict
from django.urls import reverse
from django.views.generic import TemplateView
from django_filters.views import FilterView

from official.models import Area

from ..area_choice import AreaChoice, AreaChoiceForm, AreaChoiceMixin
from ..dates import list_dates
from ..filters import DEFAULT_SORT, SORT_CHOICES, RoleFilter
from ..models import Role
from ..option_counts import option_counts, show_option_counts
from ..pay_notes import PayNotes
from ..querysets import ROLES_PER_PAGE
from ..selectors import official_footnotes, official_release, role_page

# Each suggestion in the empty state costs a count query; past this many filters, just list them.
MAX_LOOSEN_SUGGESTIONS = 6
# Areas offered when a search for roles found none but names a place.
MAX_PLACES = 5


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
    """(label, params without it, (name, value) to drop) for every filter applied validly."""
    data = getattr(filterset.form, "cleaned_data", {})
    params = filterset.query()
    found = []

    def add(label, name, value=None):
        found.append((label, _query_without(params, name, value), (name, value)))

    if data.get("q"):
        add(f"Search: “{data['q']}”", "q")
    pay = "Median pay"
    if filterset.official_area is not None:
        # Back to the guide's figures: both the basis and its area go.
        without = _query_without(params, "basis")
        without.pop("area", None)
        area = filterset.official_area.display_name
        found.append((f"Official pay in {area}", without, ("basis", None)))
        pay = "Official median"
    if data.get("pay_min") is not None:
        add(f"{pay} from ${data['pay_min']:,}", "pay_min")
    if data.get("pay_max") is not None:
        add(f"{pay} up to ${data['pay_max']:,}", "pay_max")
    label = filterset.label_of
    for slug in dict.fromkeys(data.get("skill") or []):  # a skill given twice is one filter
        add(f"Skill: {label('skill', slug)}", "skill", slug)
    if data.get("stage"):
        add(f"Career stage: {label('stage', data['stage'])}", "stage")
    if data.get("company"):
        add(f"Hiring: {label('company', data['company'])}", "company")
    if data.get("education"):
        add(f"Entry-level education (BLS): {label('education', data['education'])}", "education")
    return found


class RoleListView(FilterView):
    """/careers/: roles filtered by the query string; bad parameters give form errors, not 500s.
    The visitor's `area` alone lists the official figures there (careers/filters.py)."""

    filterset_class = RoleFilter
    template_name = "careers/role_list.html"
    context_object_name = "roles"
    paginate_by = ROLES_PER_PAGE

    def get_queryset(self):
        return Role.objects.published().for_list()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = self.filterset
        roles = list(context["roles"])
        context["roles"] = context["object_list"] = roles
        context["pay_notes"] = PayNotes(roles)
        context["link_query"] = filterset.query()
        context["active_filters"] = [
            {"label": label, "href": _href(params)}
            for label, params, _ in active_filters(filterset)
        ]
        context["clear_href"] = _href(self._sort_only())
        sort = getattr(filterset.form, "cleaned_data", {}).get("sort")
        context["sort"] = sort
        context["sort_choices"] = SORT_CHOICES
        # The filter form keeps a chosen sort when it is submitted (the menu is outside it).
        context["sort_kept"] = sort if sort and sort != DEFAULT_SORT else None
        show_option_counts(filterset.form, option_counts(filterset, context["paginator"].count))
        if filterset.is_valid() and filterset.official_area is not None:
            context["official_area"] = filterset.official_area
            context["official_release"] = official_release()
            context["official_footnotes"] = official_footnotes(
                role.bls_median_footnote for role in roles
            )
        context["list_dates"] = list_dates(
            roles, context["pay_notes"], context.get("official_release")
        )
        if filterset.is_valid() and not context["paginator"].count:
            context["loosen"] = self.loosen_suggestions(filterset)
            context["places"] = self.places(filterset)
        context["area_choice"] = self.area_choice(filterset)
        return context

    def area_choice(self, filterset):
        """The header's area control: the area whose official figures are listed, or the one
        given beside the guide's figures; removing it goes back to the guide's figures."""
        data = getattr(filterset.form, "cleaned_data", {})
        area = filterset.official_area
        if area is None and filterset.form.area_given:
            area = data.get("area")
        return AreaChoice(
            self.request.path,
            area=area,
            errors=filterset.form.errors.get("area", ()),
            carried=filterset.query(),
            options=filterset.filters["area"].extra["areas"],
            drops=("basis",),
        )

    def places(self, filterset, count=MAX_PLACES):
        """For a search that found no role: the areas it may have meant, each a link to the
        list of official pay there with the search's other filters kept."""
        words = filterset.form.cleaned_data.get("q") or ""
        params = filterset.query()
        params.pop("q", None)
        params.pop("page", None)
        params.pop("basis", None)
        found = []
        for area in Area.objects.named_in(words)[:count]:
            query = params.copy()
            query["area"] = area.code
            found.append({"area": area, "href": _href(query)})
        return found

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
                {"label": label, "href": _href(params), "count": None} for label, params, _ in found
            ]
        return [
            {"label": label, "href": _href(params), "count": filterset.without(*dropped).count()}
            for label, params, dropped in found
        ]


class RoleDetailView(AreaChoiceMixin, TemplateView):
    """/careers/<slug>/: a published role and everything around it; 404 for any other slug.
    With `area`, the official figures there beside the national ones."""

    template_name = "careers/role_detail.html"
    query_parameters = (AreaChoiceForm,)  # what the page cache keys it by

    def get_context_data(self, **kwargs):
        area = self.read_area()
        context = super().get_context_data(**kwargs)
        try:
            context.update(role_page(kwargs["slug"], area))
        except Role.DoesNotExist:
            raise Http404("No published role has this address.") from None
        return context
