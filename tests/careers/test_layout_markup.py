"""Issue 20 items 2, 5 and 6 in the markup: the tools in the main navigation, the home page's
ways in, the role list as one compare form with its bar, and counts worded for one or many."""

import pytest
from django.template import engines
from django.urls import reverse

from tests.factories import CareerStageFactory, RoleFactory
from tests.page_parsing import parse

pytestmark = pytest.mark.django_db

TOOLS = {"/match/", "/compare/", "/areas/"}


def nav_links(response):
    """The links inside the main navigation (the header's <nav>)."""
    html = response.content.decode()
    nav = html[html.index('<nav class="site-nav" aria-label="Main">') :]
    return set(parse_fragment(nav[: nav.index("</nav>")]).links)


def parse_fragment(html):
    class Response:
        content = html.encode()

    return parse(Response())


@pytest.mark.parametrize("url", ["/", "/careers/", "/skills/", "/about/", "/no-such-page/"])
def test_the_tools_are_in_the_main_navigation_on_every_page(client, url):
    links = nav_links(client.get(url))
    assert links >= TOOLS
    assert {"/careers/", "/skills/", "/path/", "/companies/", "/outlook/", "/faq/"} <= links


def test_the_menu_is_a_disclosure_that_needs_no_script(client):
    page = parse(client.get("/"))
    assert ("details", {"class": "site-nav__menu"}) in page.tags
    assert ("summary", {"class": "site-nav__toggle"}) in page.tags


def test_the_tools_page_link_is_marked_current(client):
    html = client.get("/match/").content.decode()
    assert '<a href="/match/" aria-current="page">Skill match</a>' in html


def test_home_offers_the_ways_in_next_to_the_search(client):
    html = client.get("/").content.decode()
    ways = html[html.index('<ul class="ways-in">') :]
    links = parse_fragment(ways[: ways.index("</ul>")]).links
    assert links == ["/careers/", "/match/", "/compare/", "/areas/"]
    # The search comes first, then the ways in.
    assert html.index('class="home-search"') < html.index('class="ways-in"')


@pytest.fixture
def stage_roles(django_capture_on_commit_callbacks):
    """Two stages: "solo" with one role, "pair" with two."""
    with django_capture_on_commit_callbacks(execute=True):
        solo, pair = CareerStageFactory(slug="solo"), CareerStageFactory(slug="pair")
        RoleFactory(title="Only one", stage=solo)
        RoleFactory.create_batch(2, stage=pair)
    return solo, pair


@pytest.mark.parametrize(
    ("query", "link"),
    [
        ("?stage=solo", "Download this role as CSV"),
        ("?stage=pair", "Download these 2 roles as CSV"),
        ("", "Download every role as CSV"),
    ],
)
def test_the_export_link_counts_in_words_that_fit_the_number(client, stage_roles, query, link):
    html = client.get(reverse("careers:role_list") + query).content.decode()
    assert f"download>{link}</a>" in html
    assert " 1 roles" not in html


def test_the_result_count_is_singular_for_one_role(client, stage_roles):
    html = client.get(reverse("careers:role_list") + "?stage=solo").content.decode()
    assert ">1 role</p>" in html


def test_the_list_is_one_compare_form_with_its_bar(client, stage_roles):
    html = client.get(reverse("careers:role_list")).content.decode()
    start = html.index('<form id="compare-roles"')
    form = html[start : html.index("</form>", start)]
    # Every row's checkbox and the bar's button are inside the form: no script needed.
    assert form.count('type="checkbox" name="role"') == 3
    bar = form[form.index('class="compare-bar"') :]
    assert '<button type="submit" class="button">Compare ticked roles</button>' in bar
    assert "Tick 2 to 4 roles to compare." in bar
    assert 'action="/compare/"' in html[start : start + 200]


def test_no_compare_bar_without_roles(client):
    html = client.get(reverse("careers:role_list")).content.decode()
    assert 'class="compare-bar"' not in html and 'id="compare-roles"' not in html


def test_paired_puts_each_cell_beside_its_role():
    template = engines["django"].from_string(
        "{% load careers_tags %}{% for cell, role in cells|paired:roles %}{{ role }}={{ cell }};"
        "{% endfor %}"
    )
    assert template.render({"cells": ["a", None], "roles": ["X", "Y"]}) == "X=a;Y=None;"
