"""Issue 20 items 2, 5 and 6 in a real browser, at a phone's 375 px and a laptop's 1,280 px:
every table's key figure in view without sideways scrolling, a short header with the tools in
it, the home page's first screen, the role list's short rows and its compare bar, the tile map's
targets and the range chart's labels. Each page type is screenshotted at both widths (see
screenshots.py for where), and the changed pages are checked with axe at 375 px.
"""

import pytest

from .axe import describe, violations
from .layout_metrics import LAPTOP, PAGE_TYPES, PHONE, hidden_figures, measure
from .screenshots import capture

# "At most about 100 px tall on a phone" (issue 20 item 5); it was 178 px.
HEADER_MAX = 100
# "About half today's height": a role row was about 400 px tall on a phone.
ROW_MAX = 200
# WCAG 2.2 target size (minimum), 2.5.8.
TARGET_MIN = 24

TABLE_PAGES = [
    ("home", "/"),
    ("skills", "/skills/"),
    ("skill", "/skills/deep-learning/"),
    ("pay-state", "/careers/data-scientist/pay/?area=CA&sort=-median"),
    ("pay-metro", "/careers/data-scientist/pay/?area=41860&q=a&sort=-p90"),
    ("outlook", "/outlook/"),
    ("compare", "/compare/?role=data-scientist&role=machine-learning-engineer&role=nlp-scientist"),
    ("role", "/careers/machine-learning-engineer/"),
]


@pytest.fixture
def phone(page):
    page.set_viewport_size(PHONE)
    return page


@pytest.mark.parametrize(("name", "path"), TABLE_PAGES, ids=[name for name, _ in TABLE_PAGES])
def test_every_tables_key_figure_is_in_view_on_a_phone(phone, name, path):
    phone.goto(path)
    assert phone.locator("main table").count() > 0, f"{path} has no table to check"
    assert hidden_figures(phone) == []
    assert measure(phone)["page_scroll"] <= 0


@pytest.mark.parametrize(("name", "path", "answer"), PAGE_TYPES, ids=[p[0] for p in PAGE_TYPES])
def test_each_page_type_has_a_short_header_and_no_sideways_page(page, name, path, answer):
    for viewport in (PHONE, LAPTOP):
        page.set_viewport_size(viewport)
        page.goto(path)
        width = viewport["width"]
        capture(page, f"layout-{name}", width)
        found = measure(page, answer)
        assert found["header"] <= HEADER_MAX, f"{path} at {width} px: {found}"
        assert found["page_scroll"] <= 0, f"{path} at {width} px: {found}"
        assert found["first"] is not None, f"{path} at {width} px: no {answer}"
    assert page.console_errors == []


def test_the_menu_opens_without_javascript_on_a_phone(browser, live_server, site_data):
    context = browser.new_context(
        viewport=PHONE, base_url=live_server.url, java_script_enabled=False
    )
    page = context.new_page()
    page.goto("/")
    nav = page.get_by_role("navigation", name="Main")
    match = nav.get_by_role("link", name="Skill match")
    assert not match.is_visible()
    nav.locator("summary").click()
    for name in ("Skill match", "Compare", "Pay by location", "Careers"):
        assert nav.get_by_role("link", name=name, exact=True).is_visible()
    match.click()
    page.wait_for_url("**/match/")
    context.close()


def test_on_a_laptop_the_tools_are_in_the_header_without_a_menu(page):
    page.set_viewport_size(LAPTOP)
    page.goto("/")
    nav = page.get_by_role("navigation", name="Main")
    assert not nav.locator("summary").is_visible()
    for name in ("Skill match", "Compare", "Pay by location"):
        assert nav.get_by_role("link", name=name, exact=True).is_visible()


def test_the_home_pages_first_phone_screen_holds_the_search_the_area_and_the_ways_in(phone):
    phone.goto("/")
    height = PHONE["height"]
    search = phone.get_by_role("searchbox", name="Search the roles").bounding_box()
    button = phone.get_by_role("button", name="Search roles").bounding_box()
    assert search["y"] + search["height"] <= height and button["y"] + button["height"] <= height
    area = phone.locator(".area-choice__summary").bounding_box()  # the area choice
    assert area["y"] + area["height"] <= height
    for name in ("Browse roles", "Skill match", "Compare roles", "Pay by location"):
        box = phone.locator(".ways-in").get_by_role("link", name=name).bounding_box()
        assert box["y"] + box["height"] <= height, f"{name} ends {box['y'] + box['height']} px down"


def test_role_rows_are_short_on_a_phone_and_the_compare_bar_is_in_reach(phone):
    phone.goto("/careers/")
    heights = phone.evaluate(
        "() => [...document.querySelectorAll('.role-row')].map((r) => r.offsetHeight)"
    )
    assert heights and sum(heights) / len(heights) <= ROW_MAX, heights
    bar = phone.locator(".compare-bar")
    # Unused, it waits at the end of the list, covering no row.
    assert bar.bounding_box()["y"] > PHONE["height"]
    # Once a role is ticked, sticky: on the first screen, and still there half way down.
    phone.locator(".role-row input[name=role]").first.check()
    for scroll in (0, 1500):
        phone.evaluate("(y) => window.scrollTo(0, y)", scroll)
        box = bar.bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"] + 1, (scroll, box)
    assert bar.get_by_role("button", name="Compare ticked roles").is_visible()


def test_the_compare_bar_counts_the_ticks_and_compares_them(phone):
    phone.goto("/careers/?sort=title")
    status = phone.locator("#compare-status")
    assert status.inner_text() == "Tick 2 to 4 roles to compare."
    phone.get_by_role("checkbox", name="Compare Data Analyst").check()
    assert status.inner_text() == "1 role ticked: tick one more."
    phone.get_by_role("checkbox", name="Compare Head of AI").check()
    assert status.inner_text() == "2 roles ticked."
    phone.locator(".compare-bar").get_by_role("button", name="Compare ticked roles").click()
    phone.wait_for_url("**/compare/?*")
    assert phone.url.endswith("?role=data-analyst&role=head-of-ai")
    assert phone.console_errors == []


def test_the_filters_stay_folded_with_their_chips_above_the_results(phone):
    phone.goto("/careers/?skill=deep-learning&stage=established")
    summary = phone.locator("summary.filters-disclosure__summary")
    assert summary.inner_text() == "Filters (2 active)"
    assert not phone.get_by_label("Minimum median pay").is_visible()
    chips = phone.locator(".active-filters li")
    assert chips.count() == 2 and chips.first.is_visible()
    first = phone.locator(".role-row").first.bounding_box()
    assert first["y"] < PHONE["height"], f"first result at {first['y']} px"


def test_the_tile_maps_squares_are_big_enough_to_tap_on_a_phone(phone):
    phone.goto("/careers/data-scientist/pay/")
    sizes = phone.evaluate(
        """() => [...document.querySelectorAll('.tile-map .tile')].map((tile) => {
            const box = tile.getBoundingClientRect();
            return Math.min(box.width, box.height);
        })"""
    )
    assert sizes and min(sizes) >= TARGET_MIN, min(sizes)
    assert measure(phone)["page_scroll"] <= 0


def test_the_range_charts_labels_are_readable_on_a_phone(phone):
    phone.goto("/careers/data-scientist/")
    labels = phone.locator(".range-chart__label")
    assert labels.count() > 0
    heights = [labels.nth(i).bounding_box()["height"] for i in range(labels.count())]
    # 13 px type drawn at about half size was 7 px on the screen.
    assert min(heights) >= 11, heights


CHANGED_PAGES = [
    ("home", "/"),
    ("role-list", "/careers/?skill=deep-learning"),
    ("skills", "/skills/"),
    ("skill", "/skills/deep-learning/"),
    ("pay", "/careers/data-scientist/pay/?area=CA"),
    ("outlook", "/outlook/"),
    ("compare", "/compare/?role=data-scientist&role=machine-learning-engineer"),
]


@pytest.mark.parametrize(("name", "path"), CHANGED_PAGES, ids=[n for n, _ in CHANGED_PAGES])
def test_changed_pages_have_no_axe_violations_on_a_phone(phone, name, path):
    phone.goto(path)
    capture(phone, f"layout-{name}", PHONE["width"])
    found = violations(phone)
    assert not found, describe(found)
    # The open menu too.
    phone.locator("summary.site-nav__toggle").click()
    found = violations(phone)
    assert not found, describe(found)


def test_matched_roles_start_on_a_phones_first_screen_with_the_skills_folded(phone):
    phone.goto("/match/?have=deep-learning&have=programming&have=python")
    summary = phone.locator("summary.filters-disclosure__summary")
    assert summary.inner_text() == "Change your skills (3 ticked)"
    assert not phone.get_by_role("button", name="Rank roles").is_visible()
    first = phone.locator(".match-list li").first.bounding_box()
    assert first["y"] < PHONE["height"], f"first result at {first['y']} px"
    summary.click()
    assert phone.get_by_role("button", name="Rank roles").is_visible()
    # With nothing ticked yet the form is the page: open from the start.
    phone.goto("/match/")
    assert phone.get_by_role("button", name="Rank roles").is_visible()
