"""Official pay by location: the areas page the role list links to, and one role's page of its
occupation's BLS estimates by state and metro area (the figures come from official/selectors.py)."""

from dataclasses import dataclass

from django.core.paginator import InvalidPage
from django.http import Http404, QueryDict
from django.urls import reverse
from django.views.generic import TemplateView
from django_filters.views import FilterView

from core.querystrings import form_query
from official.filters import AreaFinder
from official.models import Area, AreaKind
from official.selectors import occupation_pay_page

from ..area_choice import AreaChoice, AreaChoiceMixin, bounded, href_with_area, return_address
from ..filters import RoleFilter
from ..forms import RolePayForm
from ..models import Role

# The role list's own parameters that the areas page carries back to it.
CARRIED = {name: f for name, f in RoleFilter.base_filters.items() if name not in ("area", "basis")}


class AreaPickerView(FilterView):
    """/areas/: find an area by name and show the role list's official pay there, keeping the
    list's other filters; or with `next` (a page that shows the visitor's area), go back there
    with the area chosen. Works without JavaScript."""

    filterset_class = AreaFinder
    template_name = "careers/area_picker.html"
    # And its own filters and `page`, for the page cache.
    query_parameters = (CARRIED, "next")
    context_object_name = "areas"
    paginate_by = 50

    def get_queryset(self):
        return Area.objects.only("code", "name", "kind")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Carried as sent, within the area control's bounds: a value with a control character
        # (a NUL) is dropped rather than echoed into the page; no filter of the list accepts one.
        sent = QueryDict(mutable=True)
        for name in CARRIED:
            sent.setlist(name, self.request.GET.getlist(name))
        kept = bounded(sent)
        context["carried"] = [(name, value) for name in kept for value in kept.getlist(name)]
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
        address = return_address(self.request.GET.get("next"))
        if address is not None:
            context["next"] = query["next"] = self.request.GET["next"]
            context["carried"] = [("next", context["next"])]
            links = [(area, href_with_area(address, area)) for area in context["areas"]]
        else:
            links = [(area, _list_href(query, area)) for area in context["areas"]]
        context["area_links"] = links
        return context


def _list_href(query, area):
    """The role list with the parameters the areas page carries, on its first page, listing the
    official figures in `area`: implied by a state or metro area, asked for the nation."""
    params = query.copy()
    for name in ("find", "page", "basis", "next", "area"):
        params.pop(name, None)
    if area.kind == AreaKind.NATIONAL:
        params["basis"] = "bls"
    else:
        params["area"] = area.code
    return f"{reverse('careers:role_list')}?{params.urlencode()}"


class RolePayView(AreaChoiceMixin, TemplateView):
    """/careers/<slug>/pay/: BLS estimates of the role's official occupation by state and metro
    area, or with `occupation=<SOC code>` of one of its alternatives; 404 for a role that is not
    published, for a page of areas that does not exist and for an occupation the role does not
    offer (400 for one that is not a SOC code), each page saying which occupations it offers."""

    template_name = "careers/role_pay.html"
    unknown_template_name = "careers/role_pay_unknown_occupation.html"
    query_parameters = (RolePayForm,)  # what the page cache keys it by

    def get(self, request, *args, **kwargs):
        try:
            role = (
                Role.objects.published()
                .select_related("official_occupation")
                .with_alternatives()
                .get(slug=kwargs["slug"])
            )
        except Role.DoesNotExist:
            raise Http404("No such role.") from None
        form = RolePayForm(request.GET)
        # The visitor's area is the one the page highlights (its own field shows any error).
        self.area_choice = AreaChoice(
            request.path, area=form.value("area"), carried=form_query(form)
        )
        offered = role_occupations(role)
        asked = form.value("occupation")
        if "occupation" in form.errors or (asked and asked not in offered):
            status = 400 if "occupation" in form.errors else 404
            context = {
                "area_choice": self.area_choice,
                "role": role,
                "offered": offered.values(),
                "asked": form.data.get("occupation", ""),
                "error": form.errors.get("occupation"),
            }
            return self.response_class(
                request,
                self.unknown_template_name,
                context,
                status=status,
                using=self.template_engine,
            )
        chosen = offered.get(asked) if asked else None
        if chosen is None and role.official_occupation is not None:
            chosen = offered[role.official_occupation.soc_code]
        context = self.get_context_data(role=role, form=form, offered=offered.values())
        context["chosen"] = chosen
        if chosen is not None:
            try:
                context.update(occupation_pay_page(chosen.occupation, form))
            except InvalidPage:
                raise Http404("No such page of areas.") from None
        return self.render_to_response(context)


@dataclass(frozen=True)
class OfferedOccupation:
    """One occupation a role's pay page shows: the role's own (`official`) or an alternative."""

    occupation: object
    official: bool
    reason: str = ""


def role_occupations(role):
    """{SOC code: OfferedOccupation} of `role` (read with_alternatives()): its official
    occupation first, then its alternatives in order."""
    offered = {}
    if role.official_occupation is not None:
        offered[role.official_occupation.soc_code] = OfferedOccupation(
            role.official_occupation, official=True
        )
    for alternative in role.alternatives:
        offered.setdefault(
            alternative.occupation.soc_code,
            OfferedOccupation(alternative.occupation, official=False, reason=alternative.reason),
        )
    return offered
