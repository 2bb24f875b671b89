"""The pay-by-location map with the keyboard alone: Tab walks every state's tile in reading
order (row by row, left to right) with a visible focus ring, and Enter follows the tile's link."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from official.areas import TILES

from .keyboard import press, tab_to

URL = "/careers/data-scientist/pay/?sort=-median"
TILE = ".tile-map a"
# The site's focus colour (--focus, #ffbf47) as the browser computes it.
FOCUS_STROKE = "rgb(255, 191, 71)"

_TILE_STATE = """() => {
    const el = document.activeElement;
    const rect = el.querySelector('rect');
    return {code: el.textContent.trim(), stroke: rect ? getComputedStyle(rect).stroke : null};
}"""


@pytest.fixture
def page(page):
    page.emulate_media(reduced_motion="reduce")
    return page


def test_tab_reaches_every_tile_in_reading_order_and_enter_follows_it(page, site_data):
    page.goto(URL)
    reading_order = sorted(TILES, key=lambda code: (TILES[code][1], TILES[code][0]))

    tab_to(page, TILE)
    visited = [page.evaluate(_TILE_STATE)]
    for _ in range(len(TILES) - 1):
        state = press(page, "Tab", TILE)  # press() fails on a missing or off-screen focus ring
        assert state and state["matches"], f"left the map after {visited[-1]['code']}: {state}"
        visited.append(page.evaluate(_TILE_STATE))
    assert [tile["code"] for tile in visited] == reading_order
    # The ring is drawn on the tile itself too (SVG shapes may not show an outline).
    assert all(tile["stroke"] == FOCUS_STROKE for tile in visited), visited
    # The next stop is past the map.
    after = press(page, "Tab", TILE)
    assert after and not after["matches"]

    # Back to California and Enter: its page, sort kept, California highlighted.
    tab_to(page, f"{TILE}[href$='area=CA']", backwards=True)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"area=CA"))
    assert parse_qs(urlsplit(page.url).query) == {"sort": ["-median"], "area": ["CA"]}
    current = page.locator(f"{TILE}[aria-current=true]")
    assert current.count() == 1 and current.text_content().strip() == "CA"
    assert page.locator("tr#area-CA[aria-current=true]").count() == 1
