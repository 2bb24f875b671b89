"""The pay-by-location page's figures: one official occupation and its estimates in every area."""

from django.core.paginator import Paginator
from django.http import QueryDict

from core.querystrings import form_query

from .formatting import count_text, wage_text
from .forms import COLUMNS, DEFAULT_SORT
from .models import FIGURES, Area, AreaKind, Footnote, Release
from .tile_map import tile_map

METROS_PER_PAGE = 25
# The tables' figure columns, in the order of their headings.
FIGURE_COLUMNS = [key for key, _ in COLUMNS if key != "name"]


def estimates_read(areas):
    """The areas as a list, each with `estimate` set: select_related leaves the attribute unset
    on an area whose filtered join found no estimate."""
    areas = list(areas)
    for area in areas:
        if not hasattr(area, "estimate"):
            area.estimate = None
    return areas


def figures(estimate):
    """A table row's figures as (text, BLS footnote code) pairs, in column order: the text as
    official_figure words it, the marker left to the template; None for no estimate, which
    the row says once across all its columns."""
    if estimate is None:
        return None
    found = []
    for name in FIGURE_COLUMNS:
        value, footnote = estimate.figure(name)
        text = count_text(value, footnote) if name == "employment" else wage_text(value, footnote)
        found.append((text, footnote))
    return found


def rows(areas, current):
    return [
        {
            "area": area,
            "figures": figures(area.estimate),
            "current": current is not None and area.pk == current.pk,
        }
        for area in areas
    ]


def sort_headers(sort, columns=COLUMNS, text_columns=("name",)):
    """Each column's heading, its aria-sort state and the sort its link asks for: the current
    column's link reverses it; another starts with names A to Z and figures highest first."""
    key = sort.removeprefix("-")
    descending = sort.startswith("-")
    headers = []
    for name, heading in columns:
        state = marker = None
        if name == key:
            state = "descending" if descending else "ascending"
            link = name if descending else f"-{name}"
            if name in text_columns:
                marker = "Z to A" if descending else "A to Z"
            else:
                marker = "highest first" if descending else "lowest first"
        else:
            link = name if name in text_columns else f"-{name}"
        headers.append(
            {"key": name, "heading": heading, "state": state, "marker": marker, "link": link}
        )
    return headers


def link_setting(params, name):
    """The start of a link that sets `name` and keeps every other parameter, e.g.
    "?sort=-median&q=san&area=": the page appends each area's code. Built once a page: the
    querystring tag, once per tile and row, cost more than the rest of the rows."""
    params = params.copy() if isinstance(params, QueryDict) else QueryDict(mutable=True)
    params.pop(name, None)
    query = params.urlencode()
    return f"?{query}&{name}=" if query else f"?{name}="


def footnote_codes(estimates):
    return sorted(
        {
            code
            for estimate in estimates
            if estimate is not None
            for name in FIGURES
            if (code := getattr(estimate, f"{name}_footnote"))
        }
    )


def occupation_pay_page(occupation, form):
    """Everything the page shows about `occupation`, as template context; InvalidPage for a page
    of the metro table that does not exist. The same few queries however many areas, estimates
    or roles there are."""
    sort = form.value("sort", DEFAULT_SORT)
    query = form.value("q", "")
    current = form.value("area")

    areas = estimates_read(
        Area.objects.national_and_states().with_estimate_of(occupation).ordered_by(sort)
    )
    national = next((area for area in areas if area.kind == AreaKind.NATIONAL), None)
    states = [area for area in areas if area.kind == AreaKind.STATE]
    metros = Area.objects.metros().with_estimate_of(occupation)
    paginator = Paginator(metros.named_like(query).ordered_by(sort), METROS_PER_PAGE)
    page = paginator.page(form.value("page", 1))
    metro_page = estimates_read(page.object_list)

    selected = selected_page = None
    if current is not None:
        selected = estimates_read(Area.objects.with_estimate_of(occupation).filter(pk=current.pk))[
            0
        ]
        if selected.kind == AreaKind.METRO:
            # Its page in the metro table as sorted now, with no search narrowing it.
            order = list(metros.ordered_by(sort).values_list("pk", flat=True))
            selected_page = order.index(selected.pk) // METROS_PER_PAGE + 1

    shown = [area.estimate for area in (*areas, *metro_page)]
    if selected is not None:
        shown.append(selected.estimate)
    return {
        "occupation": occupation,
        "release": Release.objects.select_related("source").first(),
        "national": national,
        "selected": selected,
        "selected_page": selected_page,
        "sort": sort,
        "query": query,
        "headers": sort_headers(sort),
        "link_query": form_query(form),
        "area_link": link_setting(form_query(form), "area"),
        "map": tile_map(states, current),
        "state_rows": rows(states, current),
        "metro_rows": rows(metro_page, current),
        "page_obj": page,
        "paginator": paginator,
        "footnotes": list(Footnote.objects.filter(code__in=footnote_codes(shown))),
    }
