"""The official pay range as coordinates for a server-rendered SVG: percentiles 10 to 90 on a
dollar axis, with the guide's median marked on the same axis. Templates draw it; the same
numbers are always in a table beside it."""

import math

from .footnotes import TOP_CODE_ANNUAL, TOP_CODED

WIDTH = 600
LEFT = 20
RIGHT = 20
TICKS = 5


def _nice_step(span):
    raw = span / TICKS
    magnitude = 10 ** math.floor(math.log10(raw))
    return next(step * magnitude for step in (1, 2, 2.5, 5, 10) if step * magnitude >= raw)


def range_chart(estimate, guide_median=None):
    """Coordinates for `estimate`'s 10th-90th percentile range, or None when BLS gives too
    little to draw (no median, or neither end of the range)."""
    if estimate is None:
        return None
    values = {}
    for name in ("p10", "p25", "median", "p75", "p90"):
        value, footnote = estimate.figure(name)
        # A top-coded percentile is drawn to BLS's top code with an open end.
        values[name] = TOP_CODE_ANNUAL if footnote == TOP_CODED and value is None else value
    if values["median"] is None or values["p10"] is None or values["p90"] is None:
        return None
    points = [v for v in values.values() if v is not None]
    if guide_median:
        points.append(guide_median)
    step = _nice_step(max(points) - min(points) or max(points))
    low = math.floor(min(points) / step) * step
    high = math.ceil(max(points) / step) * step
    if high == low:
        high = low + step
    scale = (WIDTH - LEFT - RIGHT) / (high - low)

    def x(value):
        return round(LEFT + (value - low) * scale, 1)

    ticks = []
    value = low
    while value <= high:
        ticks.append({"x": x(value), "label": f"${value / 1000:,.0f}k"})
        value += step
    chart = {
        "width": WIDTH,
        "ticks": ticks,
        "axis_start": ticks[0]["x"],
        "axis_end": ticks[-1]["x"],
        "p10": x(values["p10"]),
        "p90": x(values["p90"]),
        "median": x(values["median"]),
        "p90_open": estimate.p90_top_coded,
        "guide": x(guide_median) if guide_median else None,
    }
    if values["p25"] is not None and values["p75"] is not None:
        chart["p25"], chart["p75"] = x(values["p25"]), x(values["p75"])
        chart["box_width"] = round(chart["p75"] - chart["p25"], 1)
    chart["bar_width"] = round(chart["p90"] - chart["p10"], 1)
    return chart
