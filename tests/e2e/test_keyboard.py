"""The same journey as test_journey.py with the keyboard alone: Tab, Shift+Tab, Enter, Space,
and typing into text fields. One page.goto, no clicks.

At every Tab stop the focused control must show a focus ring on screen; on each kind of page
visited (home, filtered role list, role page, FAQ), one full round of Tab must reach every
visible control. Other pages on the way share those templates and are not walked again.
"""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from .catalogue import PAY_MIN, PER_PAGE, SKILLS, build_catalogue
from .keyboard import assert_every_control_reachable, press, tab_to


@pytest.fixture
def catalogue(site_data):
    return build_catalogue()


@pytest.fixture
def page(page):
    # site.css scrolls smoothly unless motion is reduced; with it reduced, a focused control is
    # scrolled into view at once, so "on screen" can be checked right after each key press.
    page.emulate_media(reduced_motion="reduce")
    return page


def follow(page, url_pattern):
    """Enter on the focused link or button, then wait for the page it leads to."""
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(url_pattern))
    page.wait_for_load_state()


def query(page):
    return parse_qs(urlsplit(page.url).query)


def titles(page):
    return page.locator(".role-list .role-row__title a").all_inner_texts()


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page, site_data):
    page.goto("/")
    state = press(page, "Tab")
    assert state is not None and page.evaluate(
        "() => document.activeElement.classList.contains('skip-link')"
    ), f"first tab stop is {state}"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    assert urlsplit(page.url).fragment == "main"
    # The next Tab continues inside main, not back at the header.
    press(page, "Tab")
    assert page.evaluate("() => document.activeElement.closest('main') !== null")


def test_keyboard_only_journey(page, catalogue):
    page.goto("/")
    assert_every_control_reachable(page)

    tab_to(page, "a[href='/careers/']")
    follow(page, r"/careers/$")

    # Filters: type the pay floor, tick the second skill, Shift+Tab back to tick the first.
    tab_to(page, "input[name=pay_min]")
    page.keyboard.type(str(PAY_MIN))
    first, second = SKILLS
    tab_to(page, f"input[name=skill][value={second}]")
    page.keyboard.press("Space")
    tab_to(page, f"input[name=skill][value={first}]", backwards=True)
    page.keyboard.press("Space")
    tab_to(page, ".role-filters button[type=submit]")
    follow(page, r"/careers/\?")
    params = query(page)
    assert params["pay_min"] == [str(PAY_MIN)]
    assert sorted(params["skill"]) == sorted(SKILLS)
    assert page.locator(".results-count").inner_text().startswith(f"{catalogue.count} roles")
    assert_every_control_reachable(page)

    # Sort: the menu above the results is links that keep the filters.
    tab_to(page, ".sort-menu a[href*='sort=-title']")
    follow(page, r"sort=-title")
    assert sorted(query(page)["skill"]) == sorted(SKILLS)
    assert titles(page) == catalogue.titles_z_to_a[:PER_PAGE]

    tab_to(page, ".pagination a[rel=next]")
    follow(page, r"page=2")
    assert query(page)["sort"] == ["-title"]
    assert titles(page) == catalogue.titles_z_to_a[PER_PAGE:]

    tab_to(page, ".role-list a[href='/careers/machine-learning-engineer/']")
    follow(page, r"/careers/machine-learning-engineer/$")
    assert page.get_by_role("heading", level=1).inner_text() == "Machine Learning Engineer"
    assert_every_control_reachable(page)

    tab_to(page, "#career-stage a[href='/careers/nlp-scientist/']")
    follow(page, r"/careers/nlp-scientist/$")
    assert "$180,727" in page.locator("main").inner_text()

    tab_to(page, "header a[href='/faq/']")
    follow(page, r"/faq/$")
    assert_every_control_reachable(page)
    tab_to(page, "input[name=q]")
    page.keyboard.type("paying")
    follow(page, r"q=paying")
    assert page.locator(".faq-entry h3").all_inner_texts() == ["Is machine learning high paying?"]
    assert page.console_errors == []
