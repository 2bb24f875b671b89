"""Coordinates for the server-rendered SVG charts of the OOH projections. Templates draw them;
the same numbers are always printed beside them in text or a table."""

WIDTH = 600
LABEL = 60  # room for the row labels on the left
RIGHT = 90  # room for the value printed after each bar
BAR = 28
GAP = 12


def employment_bars(projection):
    """Two bars on one scale from zero: employment in 2024 and projected for 2034."""
    values = [("2024", projection.employment_2024), ("2034", projection.employment_2034)]
    top = max(value for _, value in values) or 1
    scale = (WIDTH - LABEL - RIGHT) / top
    bars = []
    for index, (label, value) in enumerate(values):
        y = GAP + index * (BAR + GAP)
        width = round(value * scale, 1)
        bars.append(
            {
                "label": label,
                "value": value,
                "y": y,
                "text_y": y + BAR / 2 + 5,
                "width": width,
                "value_x": round(LABEL + width + 6, 1),
            }
        )
    return {"width": WIDTH, "height": GAP + len(bars) * (BAR + GAP), "x": LABEL, "bars": bars}


CHANGE_WIDTH = 800
CHANGE_LABEL = 340  # occupation titles are long
CHANGE_RIGHT = 50
CHANGE_BAR = 18
CHANGE_GAP = 8


def change_bars(projections):
    """One bar per projection of its percent change, from a zero line; declines go left."""
    changes = [p.change_percent for p in projections]
    low, high = min([0, *changes]), max([0, *changes])
    span = (high - low) or 1
    plot = CHANGE_WIDTH - CHANGE_LABEL - CHANGE_RIGHT - 40
    scale = plot / span
    zero = round(CHANGE_LABEL + 40 + (-low) * scale, 1)
    rows = []
    for index, projection in enumerate(projections):
        y = CHANGE_GAP + index * (CHANGE_BAR + CHANGE_GAP)
        length = round(abs(projection.change_percent) * scale, 1)
        x = zero if projection.change_percent >= 0 else round(zero - length, 1)
        rows.append(
            {
                "projection": projection,
                "y": y,
                "text_y": y + CHANGE_BAR / 2 + 4,
                "x": x,
                "width": length,
                "value_x": round(x + length + 4, 1)
                if projection.change_percent >= 0
                else round(x - 4, 1),
                "anchor": "start" if projection.change_percent >= 0 else "end",
            }
        )
    height = CHANGE_GAP + len(rows) * (CHANGE_BAR + CHANGE_GAP)
    return {
        "width": CHANGE_WIDTH,
        "height": height,
        "zero": zero,
        "label_x": CHANGE_LABEL,
        "rows": rows,
    }
