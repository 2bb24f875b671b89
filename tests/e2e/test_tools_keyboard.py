"""The tools' pages with the keyboard alone: one round of Tab reaches every visible control of
the skill match, a comparison (with its search) and the career path map, each with a visible
focus ring, and the map's role boxes open their pages with Enter."""

import re

import pytest

from .keyboard import assert_every_control_reachable, tab_to


@pytest.fixture
def page(page):
    page.emulate_media(reduced_motion="reduce")
    return page


@pytest.mark.parametrize(
    "path",
    [
        "/match/?have=deep-learning&have=programming",
        "/compare/?role=data-scientist&role=machine-learning-engineer&find=engineer",
        "/path/",
    ],
)
def test_every_control_is_reachable_with_a_focus_ring(page, site_data, path):
    page.goto(path)
    assert_every_control_reachable(page)
    assert page.console_errors == []


def test_a_role_box_on_the_map_opens_its_page_with_enter(page, site_data):
    page.goto("/path/")
    tab_to(page, ".path-graph__node[href='/careers/data-analyst/']")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/careers/data-analyst/$"))
