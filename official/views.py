"""Official statistics pages."""

from django.core.paginator import InvalidPage
from django.http import Http404
from django.views.generic import TemplateView
from django_filters.views import FilterView

from careers.filters import RoleFilter
from careers.models import Role
from core.text import printable_or_empty

from .filters import AreaFinder
from .forms import PayPageForm
from .models import Area
from .selectors import role_pay_page

# The role list's own parameters that the areas page carries back to it.
CARRIED = {name: f for name, f in RoleFilter.base_filters.items() if name not in ("area", "basis")}
CARRIED_MAX = 40


class AreaPickerView(FilterView):
    """/areas/: find an area by name and show the role list's official pay there, keeping the
    list's other filters; works without JavaScript."""

    filterset_class = AreaFinder
    template_name = "official/area_picker.html"
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
        page = context.get("page_obj")
        if page is not None:
            context["page_range"] = page.paginator.get_elided_page_range(
                page.number, on_each_side=2, on_ends=1
            )
        return context


class RolePayView(TemplateView):
    """/careers/<slug>/pay/: BLS estimates of the role's official occupation by state and metro
    area; 404 for a role that is not published and for a page of areas that does not exist."""

    template_name = "official/role_pay.html"
    query_parameters = (PayPageForm,)  # what the page cache keys it by

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = PayPageForm(self.request.GET)
        try:
            context.update(role_pay_page(kwargs["slug"], form))
        except Role.DoesNotExist:
            raise Http404("No such role.") from None
        except InvalidPage:
            raise Http404("No such page of areas.") from None
        context["form"] = form
        return context
