"""The role list on a phone (375 px): results first, filters folded into a disclosure that opens
without JavaScript, and after "Show roles" the reader lands on the results. Also: the companies
are a short list with no sideways scrolling, and the footer sits at the bottom of a short page.
"""

import pytest

from .conftest import DESKTOP

PHONE = {"width": 375, "height": 800}
# The first result must be on the first screen and a bit: within this many CSS pixels of the top.
FIRST_RESULT_WITHIN = 900


def top_of(page, selector):
    return page.evaluate(
        "(s) => document.querySelector(s).getBoundingClientRect().top + window.scrollY", selector
    )


@pytest.fixture
def phone(page):
    page.set_viewport_size(PHONE)
    # With motion reduced the jump to #results is instant, so it can be measured at once.
    page.emulate_media(reduced_motion="reduce")
    return page


def test_first_result_is_within_the_first_900_px_on_a_phone(phone, site_data):
    phone.goto("/careers/")
    first = top_of(phone, ".role-list .role-row")
    assert first < FIRST_RESULT_WITHIN, f"first result starts {first:.0f} px down"
    # The form is folded away; its disclosure comes before the results.
    assert not phone.get_by_label("Minimum median pay").is_visible()
    summary = phone.locator("summary.filters-disclosure__summary")
    assert summary.is_visible() and summary.inner_text() == "Filters"
    assert top_of(phone, "summary.filters-disclosure__summary") < first
    # The sort menu is above the results on a phone too.
    assert top_of(phone, "#sort-menu") < first
    assert phone.console_errors == []


def test_filters_open_from_the_disclosure_and_submitting_lands_on_the_results(phone, site_data):
    phone.goto("/careers/")
    phone.locator("summary.filters-disclosure__summary").click()
    phone.get_by_label("Deep learning", exact=False).check()
    phone.get_by_role("button", name="Show roles").click()
    phone.wait_for_url("**/careers/?*#results")
    # Landed on the results, not back on top of the form.
    results = phone.evaluate("() => document.getElementById('results').getBoundingClientRect().top")
    assert phone.evaluate("() => window.scrollY") > 0
    assert abs(results) < 2, f"results start {results:.0f} px from the top of the screen"
    assert phone.locator(".role-row").first.is_visible()
    assert phone.locator("summary.filters-disclosure__summary").inner_text() == "Filters (1 active)"
    assert phone.console_errors == []


def test_the_disclosure_opens_from_the_keyboard(phone, site_data):
    phone.goto("/careers/")
    phone.locator("summary.filters-disclosure__summary").focus()
    phone.keyboard.press("Enter")
    assert phone.get_by_label("Minimum median pay").is_visible()


def test_form_errors_open_the_filters(phone, site_data):
    phone.goto("/careers/?pay_min=lots")
    assert phone.locator(".error-summary").is_visible()


def test_on_a_laptop_the_filters_are_the_open_sidebar_without_a_disclosure(page, site_data):
    page.set_viewport_size(DESKTOP)
    page.goto("/careers/")
    assert not page.locator("summary.filters-disclosure__summary").is_visible()
    assert page.get_by_label("Minimum median pay").is_visible()
    form = page.locator("#filters").bounding_box()
    results = page.locator("#results").bounding_box()
    assert form["x"] + form["width"] <= results["x"], "filters beside the results"


def test_companies_are_a_short_list_without_sideways_scrolling_on_a_phone(phone, site_data):
    phone.goto("/companies/")
    sizes = phone.evaluate(
        """() => ({width: document.documentElement.scrollWidth,
                   viewport: document.documentElement.clientWidth,
                   height: document.documentElement.scrollHeight})"""
    )
    assert sizes["width"] <= sizes["viewport"], sizes
    # The table of Yes/No columns it replaces was over 6,000 px tall at this width.
    assert sizes["height"] < 3000, sizes
    # Companies with roles first: the first company link is one with a role beside it.
    first = phone.locator(".company-index__item").first
    assert first.locator(".company-index__roles a").count() >= 1
    assert first.bounding_box()["y"] < phone.locator("#without-roles-heading").bounding_box()["y"]


@pytest.mark.parametrize("path", ["/companies/google/", "/no-such-page/"])
def test_footer_sits_at_the_bottom_of_a_short_page(page, site_data, path):
    page.set_viewport_size(DESKTOP)
    page.goto(path)
    bottom = page.evaluate(
        "() => document.querySelector('.site-footer').getBoundingClientRect().bottom"
    )
    assert bottom >= DESKTOP["height"] - 1, f"footer ends {bottom:.0f} px down"
