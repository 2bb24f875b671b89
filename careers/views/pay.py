"""Official pay by location: the areas page the role list links to, and one role's page of its
occupation's BLS estimates by state and metro area (the figures come from official/selectors.py)."""

from django.core.paginator import InvalidPage
from django.http import Http404, QueryDict
from django.views.generic import TemplateView
from django_filters.views import FilterView

from core.querystrings import form_query
from core.text import printable_or_empty
from official.filters import AreaFinder
from official.forms import PayPageForm
from official.models import Area
from official.selectors import occupation_pay_page

from ..filters import RoleFilter
from ..models import Role

# The role list's own parameters that the areas page carries back to it.
CARRIED = {name: f for name, f in RoleFilter.base_filters.items() if name not in ("area", "basis")}
CARRIED_MAX = 40


class AreaPickerView(FilterView):
    """/areas/: find an area by name and show the role list's official pay there, keeping the
    list's other filters; works without JavaScript."""

    filterset_class = AreaFinder
    template_name = "careers/area_picker.html"
    query_parameters = (CARRIED,)  # and its own filters and `page`, for the page cache
    context_object_name = "areas"
    paginate_by = 50

    def get_queryset(self):
        return Area.objects.only("code", "name", "kind")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Carried as sent, so a value with a control character (a NUL) is dropped rather than
        # echoed into the page; no filter of the list accepts one.
        context["carried"] = [
            (name, value)
            for name in CARRIED
            for value in self.request.GET.getlist(name)
            if printable_or_empty(value)
        ][:CARRIED_MAX]
        # Links keep the search (as cleaned) and the role list's own parameters (which the list
        # cleans), in the order they came; nothing else a visitor sent.
        own = form_query(self.filterset.form)
        context["link_query"] = query = QueryDict(mutable=True)
        for name in self.request.GET:
            if name in own:
                query.setlist(name, own.getlist(name))
            else:
                values = [value for carried, value in context["carried"] if carried == name]
                if values:
                    query.setlist(name, values)
        return context


class RolePayView(TemplateView):
    """/careers/<slug>/pay/: BLS estimates of the role's official occupation by state and metro
    area; 404 for a role that is not published and for a page of areas that does not exist."""

    template_name = "careers/role_pay.html"
    query_parameters = (PayPageForm,)  # what the page cache keys it by

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = PayPageForm(self.request.GET)
        try:
            role = (
                Role.objects.published()
                .select_related("official_occupation")
                .get(slug=kwargs["slug"])
            )
        except Role.DoesNotExist:
            raise Http404("No such role.") from None
        context["role"] = role
        if role.official_occupation is not None:
            try:
                context.update(occupation_pay_page(role.official_occupation, form))
            except InvalidPage:
                raise Http404("No such page of areas.") from None
        context["form"] = form
        return context
