"""Official statistics pages."""

from django_filters.views import FilterView

from careers.filters import RoleFilter

from .filters import AreaFinder
from .models import Area

# The role list's own parameters that the areas page carries back to it.
CARRIED = [name for name in RoleFilter.base_filters if name not in ("area", "basis")]
CARRIED_MAX = 40


class AreaPickerView(FilterView):
    """/areas/: find an area by name and show the role list's official pay there, keeping the
    list's other filters; works without JavaScript."""

    filterset_class = AreaFinder
    template_name = "official/area_picker.html"
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
