"""The pay-by-location page: one role's official occupation and its estimates in every area."""

from django.core.paginator import Paginator
from django.http import QueryDict
from django.utils.safestring import mark_safe

from careers.formatting import money
from careers.models import Role

from .formatting import official_figure
from .forms import COLUMNS, DEFAULT_SORT
from .models import FIGURES, Area, Footnote, Release
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


def cell(estimate, name):
    """One figure as official_figure writes it. A plain figure (no footnote: most of them) is
    written here directly: official_figure's format_html, run for each of some 550 cells a
    page, was the selector's largest cost."""
    value = getattr(estimate, name)
    if value is None or getattr(estimate, f"{name}_footnote"):
        return official_figure(estimate, name)
    return f"{value:,}" if name == "employment" else money(value)


def cells(estimate):
    """A table row's figure cells, in words with their footnote markers; None for no estimate,
    which the row says once across all its columns. Joined here rather than looped over in the
    template (some 550 cells a page, and each loop turn cost more than writing the cell), and
    without format_html: each part is official_figure's escaped HTML or a number that `cell`
    wrote with digits, commas and a dollar sign only."""
    if estimate is None:
        return None
    return mark_safe(  # noqa: S308 (see above)
        "".join(f'<td class="num">{cell(estimate, name)}</td>' for name in FIGURE_COLUMNS)
    )


def rows(areas, current):
    return [
        {
            "area": area,
            "cells": cells(area.estimate),
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


def role_pay_page(slug, form):
    """Everything the page shows, as template context; Role.DoesNotExist for no such published
    role, InvalidPage for a page of the metro table that does not exist. The same few queries
    however many areas, estimates or roles there are."""
    role = Role.objects.published().select_related("official_occupation").get(slug=slug)
    occupation = role.official_occupation
    if occupation is None:
        return {"role": role}
    sort = form.value("sort", DEFAULT_SORT)
    query = form.value("q", "")
    current = form.value("area")

    areas = estimates_read(
        Area.objects.national_and_states().with_estimate_of(occupation).ordered_by(sort)
    )
    national = next((area for area in areas if area.kind == "N"), None)
    states = [area for area in areas if area.kind == "S"]
    metros = Area.objects.metros().with_estimate_of(occupation)
    paginator = Paginator(metros.named_like(query).ordered_by(sort), METROS_PER_PAGE)
    page = paginator.page(form.value("page", 1))
    metro_page = estimates_read(page.object_list)

    selected = selected_page = None
    if current is not None:
        selected = estimates_read(Area.objects.with_estimate_of(occupation).filter(pk=current.pk))[
            0
        ]
        if selected.kind == "M":
            # Its page in the metro table as sorted now, with no search narrowing it.
            order = list(metros.ordered_by(sort).values_list("pk", flat=True))
            selected_page = order.index(selected.pk) // METROS_PER_PAGE + 1

    shown = [area.estimate for area in (*areas, *metro_page)]
    if selected is not None:
        shown.append(selected.estimate)
    return {
        "role": role,
        "occupation": occupation,
        "release": Release.objects.select_related("source").first(),
        "national": national,
        "selected": selected,
        "selected_page": selected_page,
        "sort": sort,
        "query": query,
        "headers": sort_headers(sort),
        "area_link": link_setting(form.data, "area"),
        "map": tile_map(states, current),
        "state_rows": rows(states, current),
        "metro_rows": rows(metro_page, current),
        "page_obj": page,
        "paginator": paginator,
        "page_range": paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
        "footnotes": list(Footnote.objects.filter(code__in=footnote_codes(shown))),
    }
