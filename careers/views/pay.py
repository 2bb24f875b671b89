"""Official pay by location: the areas page the role list links to, and one role's page of its
occupation's BLS estimates by state and metro area (the figures come from official/selectors.py)."""

from django.core.paginator import InvalidPage
from django.http import Http404
from django.views.generic import TemplateView
from django_filters.views import FilterView

from official.filters import AreaFinder
from official.forms import PayPageForm
from official.models import Area
from official.selectors import occupation_pay_page

from ..filters import RoleFilter
from ..models import Role

# The role list's own parameters that the areas page carries back to it.
CARRIED = [name for name in RoleFilter.base_filters if name not in ("area", "basis")]
CARRIED_MAX = 40


class AreaPickerView(FilterView):
    """/areas/: find an area by name and show the role list's official pay there, keeping the
    list's other filters; works without JavaScript."""

    filterset_class = AreaFinder
    template_name = "careers/area_picker.html"
    context_object_name = "areas"
    paginate_by = 50

    def get_queryset(self):
        return Area.objects.only("code", "name", "kind")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["carried"] = [
            (name, value) for name in CARRIED for value in self.request.GET.getlist(name)
        ][:CARRIED_MAX]
        page = context.get("page_obj")
        if page is not None:
            context["page_range"] = page.paginator.get_elided_page_range(
                page.number, on_each_side=2, on_ends=1
            )
        return context


class RolePayView(TemplateView):
    """/careers/<slug>/pay/: BLS estimates of the role's official occupation by state and metro
    area; 404 for a role that is not published and for a page of areas that does not exist."""

    template_name = "careers/role_pay.html"

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
