"""The pay-by-location tile map: where each state's tile sits and which colour bin its figure
(the median, employment per 1,000 jobs or the location quotient) falls in. Plain data for the
template, which draws the SVG.

Bins are no finer than the figures: docs/pages.md gives the relative standard errors measured
in the May 2025 release that the edges below are chosen by."""

from dataclasses import dataclass
from decimal import Decimal

from core.formatting import money

from .areas import TILE_COLUMNS, TILE_ROWS, TILES
from .footnotes import TOP_CODE_ANNUAL
from .formatting import NO_ESTIMATE, ratio_text, wage_text

# Tile size and gap, in SVG user units (the drawing scales to its box).
TILE = 40
GAP = 4
STEP = TILE + GAP
WIDTH = TILE_COLUMNS * STEP - GAP
HEIGHT = TILE_ROWS * STEP - GAP
# Room round the edge tiles for the highlight ring and the focus stroke.
PAD = 4
# Colour classes in site.css (.pay-bin-0 lightest ... .pay-bin-4 darkest).
COLOURS = 5
# What the map can be coloured by (the page's `map` parameter): its heading and legend title.
MAP_MODES = {
    "median": "Median pay",
    "per-1000": "Employment per 1,000 jobs",
    "quotient": "Location quotient",
}
DEFAULT_MAP = "median"
# Median edges are whole $10,000s: a typical state's mean wage has a standard error of about
# $3,000 (its relative standard error times the mean), so $1,000 steps would split states
# whose pay BLS cannot tell apart.
MEDIAN_STEP = -4  # round(value, -4)
# Employment per 1,000 jobs: edges on the 1-2-5 series (0.1, 0.2, 0.5, 1, 2, 5, ...), each at
# least twice the one before, wider than the typical employment relative standard error
# (about 9%) allows telling apart.
SERIES = (1, 2, 5)
# Location quotient: fixed edges on the same series with 1 (the national share) among them.
QUOTIENT_EDGES = [None, Decimal("0.5"), Decimal("1"), Decimal("2")]


@dataclass
class Tile:
    area: object
    # Where the tile sits, as one SVG transform: the template writes one value per tile, not
    # four numbers (an int in a template goes through localize(), which cost more than the rest
    # of the map together).
    place: str
    colour: str  # a CSS class: pay-bin-N, or pay-bin-none (no estimate, or not released)
    label: str  # what a screen reader hears: the state and its median in words
    current: bool


def median_of(estimate):
    """The median to colour by: a top-coded one counts as the top code; None when BLS gives
    no estimate or did not release it."""
    if estimate is None:
        return None
    if estimate.median_top_coded:
        return estimate.median or TOP_CODE_ANNUAL
    return estimate.median


def series_edge(value):
    """The nearest value of the 1-2-5 series (0.1, 0.2, 0.5, 1, 2, 5, 10, ...) to `value`."""
    if value <= 0:
        return Decimal("0")
    exponent = Decimal(value).adjusted()
    candidates = [
        Decimal(step).scaleb(power) for power in (exponent - 1, exponent, exponent + 1)
        for step in SERIES
    ]  # fmt: skip
    return min(candidates, key=lambda edge: abs(edge - Decimal(value)))


def bin_edges(values, count=COLOURS, rounding=None):
    """Lower bounds of up to `count` bins holding about equally many of `values`, each
    rounded (by default to whole $10,000s); the first bin has no lower bound, so the list
    starts with None."""
    rounding = rounding or (lambda value: round(value, MEDIAN_STEP))
    values = sorted(values)
    if not values:
        return []
    edges = [None]
    for i in range(1, count):
        edge = rounding(values[len(values) * i // count])
        if edge > values[0] and (edges[-1] is None or edge > edges[-1]):
            edges.append(edge)
    return edges


def bin_of(value, edges):
    return sum(1 for edge in edges[1:] if value >= edge)


def legend(edges, values, written=money):
    """(colour class, the bin's range in words) for each bin; `written` writes one value."""
    if len(edges) == 1:
        low, high = min(values), max(values)
        text = written(low) if low == high else f"{written(low)} to {written(high)}"
        return [(colour_class(0, 1), text)]
    entries = []
    for i, edge in enumerate(edges):
        if i == 0:
            text = f"Under {written(edges[1])}"
        elif i == len(edges) - 1:
            text = f"{written(edge)} or more"
        elif written is money:
            text = f"{money(edge)} to {money(edges[i + 1] - 1)}"
        else:
            text = f"{written(edge)} to under {written(edges[i + 1])}"
        entries.append((colour_class(i, len(edges)), text))
    return entries


def ratio_written(value):
    """An edge of the 1-2-5 series as people write it: 0.5, 1, 20."""
    return f"{value.normalize():f}"


def colour_class(index, bins):
    """Spread fewer bins over the whole palette, so two bins never get two pale shades."""
    step = 0 if bins == 1 else round(index * (COLOURS - 1) / (bins - 1))
    return f"pay-bin-{step}"


def ratio_of(name):
    def value(estimate):
        return None if estimate is None else getattr(estimate, name)

    return value


# Per mode: the figure's field, how a tile's value is read, how the edges are chosen, how the
# legend writes a value, and the figure's name in a tile's label.
MODES = {
    "median": ("median", median_of, lambda values: bin_edges(values), money, "median"),
    "per-1000": (
        "jobs_per_1000",
        ratio_of("jobs_per_1000"),
        lambda values: bin_edges(values, rounding=series_edge),
        ratio_written,
        "employment per 1,000 jobs",
    ),
    "quotient": (
        "location_quotient",
        ratio_of("location_quotient"),
        lambda values: QUOTIENT_EDGES,
        ratio_written,
        "location quotient",
    ),
}


def tile_label(area, estimate, mode=DEFAULT_MAP):
    field, _, _, _, words = MODES[mode]
    if estimate is None:
        return f"{area.name}: {NO_ESTIMATE}"
    value, footnote = estimate.figure(field)
    if mode == "median":
        if estimate.median is None and not estimate.median_top_coded:
            return f"{area.name}: median not released by BLS"
        return f"{area.name}: median {wage_text(value, footnote)}"
    if value is None:
        return f"{area.name}: {words} not released by BLS"
    return f"{area.name}: {words} {ratio_text(value, footnote)}"


def tile_map(states, current=None, mode=DEFAULT_MAP):
    """Tiles (in reading order: row by row, so Tab walks them left to right, top to bottom)
    and the legend, for areas that carry `estimate` (AreaQuerySet.with_estimate_of), coloured
    by the figure `mode` names (a key of MAP_MODES)."""
    _, value_of, edges_of, written, _ = MODES[mode]
    medians = {area.pk: value_of(area.estimate) for area in states}
    values = [value for value in medians.values() if value is not None]
    edges = edges_of(values) if values else []
    tiles = []
    for area in states:
        place = TILES.get(area.code)
        if place is None:
            continue
        value = medians[area.pk]
        colour = "pay-bin-none" if value is None else colour_class(bin_of(value, edges), len(edges))
        tiles.append(
            Tile(
                area=area,
                place=f"translate({place[0] * STEP} {place[1] * STEP})",
                colour=colour,
                label=tile_label(area, area.estimate, mode),
                current=current is not None and area.pk == current.pk,
            )
        )
    tiles.sort(key=lambda tile: TILES[tile.area.code][::-1])
    return {
        "tiles": tiles,
        "legend": legend(edges, values, written) if values else [],
        "mode": mode,
        "title": MAP_MODES[mode],
        "view_box": f"-{PAD} -{PAD} {WIDTH + 2 * PAD} {HEIGHT + 2 * PAD}",
        "tile": str(TILE),
        "centre": str(TILE // 2),
    }
