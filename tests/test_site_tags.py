"""site_tags: the main navigation marks where the reader is."""

import pytest
from django.template import engines
from django.template.loader import render_to_string
from django.test import RequestFactory


def nav(path, url_name, label):
    template = engines["django"].from_string("{% load site_tags %}{% nav_link url_name label %}")
    request = RequestFactory().get(path)
    return template.render({"url_name": url_name, "label": label}, request)


def test_a_link_to_the_page_shown_is_the_current_page():
    assert nav("/faq/", "faq:list", "FAQ") == '<a href="/faq/" aria-current="page">FAQ</a>'


def test_a_link_to_the_section_of_the_page_shown_is_current():
    assert nav("/careers/data-scientist/", "careers:role_list", "Careers") == (
        '<a href="/careers/" aria-current="true">Careers</a>'
    )


def test_other_links_are_not_current():
    assert nav("/careers/", "faq:list", "FAQ") == '<a href="/faq/">FAQ</a>'


def test_home_is_not_the_section_of_every_page():
    assert nav("/skills/", "careers:home", "Home") == '<a href="/">Home</a>'


def test_the_label_is_escaped():
    assert nav("/", "faq:list", "Q & A") == '<a href="/faq/">Q &amp; A</a>'


@pytest.mark.django_db
def test_a_page_rendered_without_a_request_marks_no_link_current():
    html = render_to_string("404.html")
    assert 'href="/careers/"' in html and "aria-current" not in html.split("</nav>")[0]
