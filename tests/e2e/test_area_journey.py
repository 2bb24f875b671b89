"""Issue 20 item 1 in a real browser, without JavaScript, at 375 and 1,280 px, through the page
cache: a visitor picks California once under the header and sees its official figures on the
list, a role page, its pay page, compare and match; removes it; a second visitor's pages never
show the first one's area. Each page is checked with axe on the way."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.cache import caches

from careerguide import cache as page_cache

from .axe import describe, violations
from .layout_metrics import LAPTOP, PHONE
from .screenshots import capture


@pytest.fixture
def cached_site(settings, live_server, site_data):
    """The page cache as production runs it, starting empty (the live server shares settings)."""
    caches["default"].clear()
    settings.PAGE_CACHE_SECONDS = 600
    yield live_server
    page_cache.reset()
    caches["default"].clear()


@pytest.fixture(params=[PHONE, LAPTOP], ids=["375", "1280"])
def visitor(request, browser, cached_site):
    context = browser.new_context(
        viewport=request.param, base_url=cached_site.url, java_script_enabled=False
    )
    # axe runs in the page: a second context with scripts on opens each page the visitor sees.
    checker = browser.new_context(viewport=request.param, base_url=cached_site.url)
    for each in (context, checker):
        each.set_default_timeout(15_000)
    page = context.new_page()
    page.width = request.param["width"]
    page.checker = checker.new_page()
    yield page
    checker.close()
    context.close()


def area(page):
    return parse_qs(urlsplit(page.url).query).get("area")


def summary(page):
    return page.locator(".area-choice__summary").inner_text()


def checked(page, name):
    page.checker.goto(page.url)
    found = violations(page.checker)
    assert found == [], f"{name} at {page.width} px:\n{describe(found)}"
    capture(page, f"area-{name}", page.width)


def choose(page, label):
    page.locator(".area-choice__summary").click()
    page.get_by_label("Your area").select_option(label=label)
    page.get_by_role("button", name="Show pay here").click()


def test_the_area_chosen_once_is_shown_everywhere_and_removable(visitor):
    page = visitor
    page.goto("/")
    assert "choose your area" in summary(page)
    choose(page, "California")
    assert area(page) == ["CA"] and "California" in summary(page)
    checked(page, "home")

    # The list: the official figures there, without a second control.
    page.locator(".ways-in").get_by_role("link", name="Browse roles").click()
    assert urlsplit(page.url).path == "/careers/" and area(page) == ["CA"]
    scientist = page.locator(".role-row", has_text="Data Scientist").first
    assert "Official median, California" in scientist.inner_text()
    checked(page, "list")

    # A role page: California beside the nation.
    page.get_by_role("link", name="Data Scientist", exact=True).first.click()
    assert urlsplit(page.url).path == "/careers/data-scientist/" and area(page) == ["CA"]
    headings = page.locator("table.official-table").first.locator("thead th").all_inner_texts()
    assert headings == ["Measure", "California", "United States"]
    checked(page, "role")

    # Its pay by location, California highlighted.
    page.get_by_role(
        "link", name="Official pay for this occupation by state and metro area"
    ).click()
    assert urlsplit(page.url).path == "/careers/data-scientist/pay/" and area(page) == ["CA"]
    assert "California" in page.locator("#selected-heading").inner_text()
    checked(page, "pay")

    # Compare, from the role page, with a second role added.
    page.go_back()
    page.get_by_role("link", name="Compare with other roles").click()
    page.get_by_label("Find a role to add").fill("engineer")
    page.get_by_role("button", name="Find").click()
    page.get_by_role("link", name="Add Machine Learning Engineer", exact=True).click()
    assert area(page) == ["CA"]
    row = page.locator("tr", has_text="Official median pay (BLS, California)")
    assert row.count() == 1
    checked(page, "compare")

    # Match, from the header.
    if page.width == PHONE["width"]:
        page.get_by_role("navigation", name="Main").locator("summary").click()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Skill match").click()
    assert area(page) == ["CA"]
    page.get_by_label("Python", exact=True).check()
    page.get_by_role("button", name="Rank roles").click()
    assert area(page) == ["CA"]
    assert "Official median, California" in page.locator(".match-list").inner_text()
    checked(page, "match")

    # Removed: the national figures again, and nothing left to remove.
    page.locator(".area-choice__summary").click()
    page.get_by_role("link", name="Remove California").click()
    assert area(page) is None and "choose your area" in summary(page)
    assert "Official median, California" not in page.locator("main").inner_text()


def test_a_second_visitor_never_sees_the_first_ones_area(visitor, browser, cached_site):
    page = visitor
    page.goto("/careers/data-scientist/")
    choose(page, "California")
    assert "California" in summary(page)
    other = browser.new_context(base_url=cached_site.url, java_script_enabled=False)
    try:
        second = other.new_page()
        plain = second.goto("/careers/data-scientist/")
        assert plain.headers["x-cache"] == "hit"  # stored when the first visitor came
        assert "choose your area" in second.locator(".area-choice__summary").inner_text()
        assert "California" not in second.locator("table.official-table").first.inner_text()
        shared = second.goto("/careers/data-scientist/?area=CA")
        assert shared.headers["x-cache"] == "hit"  # the first visitor's link, the same page
        assert "California" in second.locator(".area-choice__summary").inner_text()
        columbia = second.goto("/careers/data-scientist/?area=DC")
        assert columbia.headers["x-cache"] == "miss"
        assert "District of Columbia" in second.locator(".area-choice__summary").inner_text()
    finally:
        other.close()
