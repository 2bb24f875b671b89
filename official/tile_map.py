"""The pay-by-location tile map: where each state's tile sits and which colour bin its median
falls in. Plain data for the template, which draws the SVG."""

from dataclasses import dataclass

from core.formatting import money

from .areas import TILE_COLUMNS, TILE_ROWS, TILES
from .footnotes import TOP_CODE_ANNUAL
from .formatting import NO_ESTIMATE, wage_text

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


def bin_edges(values, count=COLOURS):
    """Lower bounds (rounded to $1,000) of up to `count` bins holding about equally many of
    `values`; the first bin has no lower bound, so the list starts with None."""
    values = sorted(values)
    if not values:
        return []
    edges = [None]
    for i in range(1, count):
        edge = round(values[len(values) * i // count], -3)
        if edge > values[0] and (edges[-1] is None or edge > edges[-1]):
            edges.append(edge)
    return edges


def bin_of(value, edges):
    return sum(1 for edge in edges[1:] if value >= edge)


def legend(edges, values):
    """(colour class, the bin's dollar range in words) for each bin."""
    if len(edges) == 1:
        low, high = min(values), max(values)
        text = money(low) if low == high else f"{money(low)} to {money(high)}"
        return [(colour_class(0, 1), text)]
    entries = []
    for i, edge in enumerate(edges):
        if i == 0:
            text = f"Under {money(edges[1])}"
        elif i == len(edges) - 1:
            text = f"{money(edge)} or more"
        else:
            text = f"{money(edge)} to {money(edges[i + 1] - 1)}"
        entries.append((colour_class(i, len(edges)), text))
    return entries


def colour_class(index, bins):
    """Spread fewer bins over the whole palette, so two bins never get two pale shades."""
    step = 0 if bins == 1 else round(index * (COLOURS - 1) / (bins - 1))
    return f"pay-bin-{step}"


def tile_label(area, estimate):
    if estimate is None:
        return f"{area.name}: {NO_ESTIMATE}"
    if estimate.median is None and not estimate.median_top_coded:
        return f"{area.name}: median not released by BLS"
    return f"{area.name}: median {wage_text(estimate.median, estimate.median_footnote)}"


def tile_map(states, current=None):
    """Tiles (in reading order: row by row, so Tab walks them left to right, top to bottom)
    and the legend, for areas that carry `estimate` (AreaQuerySet.with_estimate_of)."""
    medians = {area.pk: median_of(area.estimate) for area in states}
    values = [value for value in medians.values() if value is not None]
    edges = bin_edges(values)
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
                label=tile_label(area, area.estimate),
                current=current is not None and area.pk == current.pk,
            )
        )
    tiles.sort(key=lambda tile: TILES[tile.area.code][::-1])
    return {
        "tiles": tiles,
        "legend": legend(edges, values) if values else [],
        "view_box": f"-{PAD} -{PAD} {WIDTH + 2 * PAD} {HEIGHT + 2 * PAD}",
        "tile": str(TILE),
        "centre": str(TILE // 2),
    }
