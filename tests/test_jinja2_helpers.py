"""careerguide/jinja2.py: what Django templates gave the pages for free, given back the same."""

from types import SimpleNamespace

import pytest
from django.template import engines
from django.template.loader import render_to_string
from django.test import RequestFactory

from careerguide.jinja2 import nav_link, regroup


@pytest.mark.parametrize(
    "query, changes",
    [
        ("", {"page": 2}),
        ("skill=python&skill=sql&page=3", {"page": 4}),
        ("q=a+b&sort=-pay", {"page": None}),
        ("q=%3Cx%3E&page=1", {"page": 2}),
        ("page=2", {"page": None}),
    ],
)
def test_querystring_matches_djangos_tag(query, changes):
    request = RequestFactory().get(f"/careers/?{query}")
    django = engines["django"].from_string(
        "{% querystring " + " ".join(f"{k}=v_{k}" for k in changes) + " %}"
    )
    expected = django.render({f"v_{k}": v for k, v in changes.items()}, request)
    # Django's tag output is HTML-escaped; the Jinja2 template escapes ours the same way.
    jinja = engines["jinja2"].from_string("{{ querystring(request, **changes) }}")
    assert jinja.render({"changes": changes}, request) == expected


def test_nav_link_marks_the_current_page_and_section():
    request = RequestFactory().get("/careers/data-scientist/")
    assert 'aria-current="true"' in nav_link(request, "careers:role_list", "Careers")
    assert "aria-current" not in nav_link(request, "faq:list", "FAQ")
    request = RequestFactory().get("/faq/")
    assert 'aria-current="page"' in nav_link(request, "faq:list", "FAQ")


@pytest.mark.django_db
def test_a_page_renders_without_a_request():
    html = render_to_string("404.html")
    assert 'href="/careers/"' in html and "aria-current" not in html


def test_regroup_groups_neighbours_in_order_like_djangos_tag():
    items = [SimpleNamespace(source=s, n=i) for i, s in enumerate("aabba")]
    groups = regroup(items, "source")
    assert [(g.grouper, [i.n for i in g.list]) for g in groups] == [
        ("a", [0, 1]),
        ("b", [2, 3]),
        ("a", [4]),
    ]
