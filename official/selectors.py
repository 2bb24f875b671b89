"""The pay-by-location page's figures: one official occupation and its estimates in every area."""

from django.core.paginator import Paginator
from django.http import QueryDict

from core.querystrings import form_query

from .footnotes import RSE_EXPLAINED
from .formatting import figure_text
from .forms import COLUMN_FIELDS, COLUMNS, DEFAULT_SORT
from .models import IMPORTED_FIGURES, Area, AreaKind, Footnote, Release, WageEstimate
from .tile_map import DEFAULT_MAP, MAP_MODES, tile_map

METROS_PER_PAGE = 25
# How many states and how many metro areas a role page names as having the most jobs.
MOST_JOBS = 5
# The tables' figure columns, in the order of their headings.
FIGURE_COLUMNS = [COLUMN_FIELDS.get(key, key) for key, _ in COLUMNS if key != "name"]
# The columns that carry a relative standard error beside their figure.
RSE_OF = {"employment": "employment_rse", "mean": "mean_rse"}


def estimates_read(areas):
    """The areas as a list, each with `estimate` set: select_related leaves the attribute unset
    on an area whose filtered join found no estimate."""
    areas = list(areas)
    for area in areas:
        if not hasattr(area, "estimate"):
            area.estimate = None
    return areas


def figures(estimate):
    """A table row's figures as (text, BLS footnote code, relative standard error text, its
    footnote) in column order: the texts as official_figure words them, the markers left to
    the template, the error empty for a column without one; None for no estimate, which the
    row says once across all its columns."""
    if estimate is None:
        return None
    found = []
    for name in FIGURE_COLUMNS:
        value, footnote = estimate.figure(name)
        rse = rse_footnote = ""
        if name in RSE_OF:
            rse_value, rse_footnote = estimate.figure(RSE_OF[name])
            # Withheld with its figure (same footnote): said once, by the figure.
            if rse_value is not None or rse_footnote != footnote:
                rse = figure_text(RSE_OF[name], rse_value, rse_footnote)
            else:
                rse_footnote = ""
        found.append((figure_text(name, value, footnote), footnote, rse, rse_footnote))
    return found


def field_sort(sort):
    """A sort as links carry it (`-per-1000`) as the field AreaQuerySet.ordered_by reads."""
    descending = "-" if sort.startswith("-") else ""
    key = sort.removeprefix("-")
    return descending + COLUMN_FIELDS.get(key, key)


def map_modes(mode):
    """The map's choices, each with whether it is the one shown (links keep the rest)."""
    return [
        {"key": key, "label": label, "current": key == mode} for key, label in MAP_MODES.items()
    ]


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
    codes = {
        code
        for estimate in estimates
        if estimate is not None
        for name in IMPORTED_FIGURES
        if (code := getattr(estimate, f"{name}_footnote"))
    }
    # Every estimate shown carries its relative standard errors, which footnote 3 explains.
    if any(estimate is not None for estimate in estimates):
        codes.add(RSE_EXPLAINED)
    return sorted(codes)


def occupation_pay_page(occupation, form):
    """Everything the page shows about `occupation`, as template context; InvalidPage for a page
    of the metro table that does not exist. The same few queries however many areas, estimates
    or roles there are."""
    sort = form.value("sort", DEFAULT_SORT)
    mode = form.value("map", DEFAULT_MAP)
    query = form.value("q", "")
    current = form.value("area")

    areas = estimates_read(
        Area.objects.national_and_states().with_estimate_of(occupation).ordered_by(field_sort(sort))
    )
    national = next((area for area in areas if area.kind == AreaKind.NATIONAL), None)
    states = [area for area in areas if area.kind == AreaKind.STATE]
    metros = Area.objects.metros().with_estimate_of(occupation)
    paginator = Paginator(metros.named_like(query).ordered_by(field_sort(sort)), METROS_PER_PAGE)
    page = paginator.page(form.value("page", 1))
    metro_page = estimates_read(page.object_list)

    selected = selected_page = None
    if current is not None:
        selected = estimates_read(Area.objects.with_estimate_of(occupation).filter(pk=current.pk))[
            0
        ]
        if selected.kind == AreaKind.METRO:
            # Its page in the metro table as sorted now, with no search narrowing it.
            order = list(metros.ordered_by(field_sort(sort)).values_list("pk", flat=True))
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
        "map": tile_map(states, current, mode),
        "map_modes": map_modes(mode),
        "state_rows": rows(states, current),
        "metro_rows": rows(metro_page, current),
        "page_obj": page,
        "paginator": paginator,
        "footnotes": list(Footnote.objects.filter(code__in=footnote_codes(shown))),
    }


def where_the_jobs_are(occupation, count=MOST_JOBS):
    """The states and the metropolitan or nonmetropolitan areas with the most jobs in the
    occupation (BLS's employment), `count` of each, with their release: two queries."""
    if occupation is None:
        return {"most_jobs_states": [], "most_jobs_metros": []}
    estimates = WageEstimate.objects.most_jobs
    return {
        "most_jobs_states": list(estimates(occupation, AreaKind.STATE)[:count]),
        "most_jobs_metros": list(estimates(occupation, AreaKind.METRO)[:count]),
    }


def reliability_note():
    """BLS's footnote explaining the relative standard error, in the release's words, the
    release it comes from, and one state estimate with both errors as an example, read from
    the data rather than written down (None for each before import_oews): three queries."""
    example = (
        WageEstimate.objects.cited()
        .select_related("occupation")
        .filter(area__kind=AreaKind.STATE, employment_rse__isnull=False, mean_rse__isnull=False)
        .order_by("occupation__soc_code", "area__name", "pk")
        .first()
    )
    return {
        "rse_footnote": Footnote.objects.filter(code=RSE_EXPLAINED).first(),
        "rse_release": Release.objects.select_related("source").first(),
        "rse_example": example,
    }
