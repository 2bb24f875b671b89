"""/path/ in a real browser at a phone's and a laptop's width: the map near the top, drawn as
SVG on the laptop and as a ladder on the phone, nothing wider than the screen, the page a few
screens tall, and no axe violation. Heights are document heights, compared with the screen's.

Before this layout the page was 15,405 px tall at 375 px wide (the map at 3,552 px) and 5,868
px at 1,280 (the map at 2,218 px).
"""

import pytest

from .axe import describe, violations

PHONE = {"width": 375, "height": 800}
LAPTOP = {"width": 1280, "height": 800}
# At most a third of the phone page's height before (15,405 px), in screens of 800 px.
PHONE_SCREENS = 15_405 / 3 / PHONE["height"]
LAPTOP_SCREENS = 4.5


def top_of(page, selector):
    return page.evaluate(
        "(s) => document.querySelector(s).getBoundingClientRect().top + window.scrollY", selector
    )


def document_height(page):
    return page.evaluate("() => document.documentElement.scrollHeight")


def widest_right_edge(page, selector):
    """The right edge of the widest box under `selector` (0 when none is displayed)."""
    return page.evaluate(
        """(s) => Math.max(0, ...[...document.querySelectorAll(s)]
            .map((el) => el.getBoundingClientRect())
            .filter((box) => box.width > 0)
            .map((box) => box.right))""",
        selector,
    )


def assert_no_sideways_scrolling(page):
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the page scrolls sideways by {overflow} px"


@pytest.mark.parametrize(
    ("viewport", "screens"), [(PHONE, PHONE_SCREENS), (LAPTOP, LAPTOP_SCREENS)], ids=["375", "1280"]
)
def test_the_map_is_near_the_top_and_the_page_a_few_screens_tall(
    page, site_data, viewport, screens
):
    page.set_viewport_size(viewport)
    page.goto("/path/")
    height = document_height(page)
    assert height <= screens * viewport["height"], f"page is {height} px tall"
    # The map's heading on the first screen, the map itself starting within two.
    assert top_of(page, "#path-map-heading") < viewport["height"]
    drawn = ".path-map__drawing" if viewport is LAPTOP else ".path-ladder"
    assert top_of(page, drawn) < 2 * viewport["height"]
    assert_no_sideways_scrolling(page)
    found = violations(page)
    assert not found, describe(found)
    assert page.console_errors == []


def test_on_a_phone_the_ladder_is_the_map_and_nothing_runs_off_screen(page, site_data):
    page.set_viewport_size(PHONE)
    page.goto("/path/")
    assert not page.locator(".path-map__drawing").is_visible()
    ladder = page.locator(".path-ladder")
    assert ladder.is_visible()
    # Stages one under the other.
    rungs = page.locator(".path-ladder__rung")
    tops = [rungs.nth(i).bounding_box()["y"] for i in range(rungs.count())]
    assert tops == sorted(tops) and len(set(tops)) == len(tops)
    width = page.evaluate("() => document.documentElement.clientWidth")
    assert widest_right_edge(page, ".path-ladder, .path-ladder *, .path-evidence *") <= width
    # Both kinds of next step, each with its line style and its kind in words.
    assert page.locator(".path-step--named .path-arrow").first.is_visible()
    assert page.locator(".path-step--inferred .path-arrow").first.is_visible()
    dash = page.evaluate(
        """() => [".path-step--named line", ".path-step--inferred line"].map(
            (s) => getComputedStyle(document.querySelector(s)).strokeDasharray)"""
    )
    assert dash[0] == "none" and dash[1] != "none", dash


def test_on_a_laptop_the_drawing_fits_and_its_arrows_are_solid_or_dashed(page, site_data):
    page.set_viewport_size(LAPTOP)
    page.goto("/path/")
    drawing = page.locator(".path-graph__svg")
    assert drawing.is_visible()
    box = drawing.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= LAPTOP["width"]
    dashes = page.evaluate(
        """() => [...document.querySelectorAll(".path-graph__edge")].map(
            (edge) => [edge.classList.contains("path-graph__edge--named"),
                       getComputedStyle(edge).strokeDasharray])"""
    )
    assert dashes
    for named, dash in dashes:
        assert (dash == "none") is named, dashes


def test_without_javascript_the_ladder_and_the_folded_steps_work(browser, live_server, site_data):
    context = browser.new_context(
        viewport=PHONE, base_url=live_server.url, java_script_enabled=False
    )
    try:
        page = context.new_page()
        page.goto("/path/")
        assert page.locator(".path-ladder").is_visible()
        summary = page.locator(".path-start summary").first
        body = page.locator(".path-start details").first.locator("p").first
        assert not body.is_visible()
        summary.click()
        assert body.is_visible()
    finally:
        context.close()
