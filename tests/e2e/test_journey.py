"""A visitor's whole path through the site with the mouse: find roles, narrow them, read one,
move along the career path, then look up a question."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from .catalogue import PAY_MIN, PER_PAGE, SKILLS, build_catalogue

MONEY = re.compile(r"\$([\d,]+)")


@pytest.fixture
def catalogue(site_data):
    return build_catalogue()


def option_label(name):
    """A filter option's label: its name and how many roles it would leave, e.g. "Python (3)"."""
    return re.compile(rf"^\s*{re.escape(name)}\s*\(\d+\)\s*$")


def query(page):
    return parse_qs(urlsplit(page.url).query)


def path(page):
    return urlsplit(page.url).path


def listed_titles(page):
    return page.locator(".role-list .role-row__title a").all_inner_texts()


def listed_medians(page):
    figures = page.locator(".role-list .role-row").evaluate_all(
        """rows => rows.map(row => {
            const dt = [...row.querySelectorAll('dt')].find(d => /median/i.test(d.textContent));
            return dt ? dt.nextElementSibling.textContent : '';
        })"""
    )
    return [int(MONEY.search(text).group(1).replace(",", "")) for text in figures]


def test_visitor_filters_sorts_pages_reads_a_role_and_searches_the_faq(page, catalogue):
    page.goto("/")
    page.locator("main a[href='/careers/'], header a[href='/careers/']").first.click()
    assert path(page) == "/careers/"
    assert page.get_by_role("heading", level=1).inner_text() == "Roles in machine learning"

    # Narrow the list: a pay floor and two skills.
    page.get_by_label("Minimum median pay").fill(str(PAY_MIN))
    for label in SKILLS.values():
        page.get_by_label(option_label(label)).check()
    page.get_by_role("button", name="Show roles").click()
    params = query(page)
    assert params["pay_min"] == [str(PAY_MIN)]
    assert sorted(params["skill"]) == sorted(SKILLS)
    assert page.locator(".results-count").inner_text().startswith(f"{catalogue.count} roles")
    medians = listed_medians(page)
    assert len(medians) == PER_PAGE
    assert all(median >= PAY_MIN for median in medians)
    assert medians == sorted(medians, reverse=True), "default order is highest pay first"
    # The form keeps what was asked for.
    assert page.get_by_label("Minimum median pay").input_value() == str(PAY_MIN)
    for label in SKILLS.values():
        assert page.get_by_label(option_label(label)).is_checked()

    # Sort by title, Z to A, from the menu above the results.
    page.get_by_role("navigation", name="Sort").get_by_role("link", name="Title, Z to A").click()
    params = query(page)
    assert params["sort"] == ["-title"]
    assert params["pay_min"] == [str(PAY_MIN)] and sorted(params["skill"]) == sorted(SKILLS)
    assert listed_titles(page) == catalogue.titles_z_to_a[:PER_PAGE]

    # Page 2 keeps every filter and shows the rest.
    page.locator(".pagination a[rel='next']").click()
    params = query(page)
    assert params["page"] == ["2"]
    assert params["sort"] == ["-title"] and params["pay_min"] == [str(PAY_MIN)]
    assert sorted(params["skill"]) == sorted(SKILLS)
    assert listed_titles(page) == catalogue.titles_z_to_a[PER_PAGE:]
    assert "Page 2 of 2" in page.locator(".pagination").inner_text()

    # Open the article's role, then take a next step on the career path.
    page.get_by_role("link", name="Machine Learning Engineer", exact=True).click()
    assert path(page) == "/careers/machine-learning-engineer/"
    assert page.get_by_role("heading", level=1).inner_text() == "Machine Learning Engineer"
    assert "$168,730" in page.locator("main").inner_text()
    next_steps = page.locator("#career-stage .role-links").first
    next_steps.get_by_role("link", name="Natural Language Processing (NLP) Scientist").click()
    assert path(page) == "/careers/nlp-scientist/"
    assert (
        page.get_by_role("heading", level=1).inner_text()
        == "Natural Language Processing (NLP) Scientist"
    )
    assert "$180,727" in page.locator("main").inner_text()

    # Questions: search narrows the list to the matching entry.
    page.locator("header a[href='/faq/']").first.click()
    assert path(page) == "/faq/"
    assert page.locator(".faq-entry").count() == 4
    page.get_by_role("searchbox").fill("paying")
    page.get_by_role("button", name="Search").click()
    assert query(page)["q"] == ["paying"]
    entries = page.locator(".faq-entry h3")
    assert entries.all_inner_texts() == ["Is machine learning high paying?"]
    assert page.locator(".results-count").inner_text().startswith("1 question matches")

    assert page.console_errors == []
