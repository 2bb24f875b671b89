"""/outlook/ leads with BLS's projections: every occupation's row against the pages, sorted by
any column through ?sort= (no JavaScript), the roles' occupations marked and linked, an SVG of
the same percent changes, the guide's statements after; hostile ?sort= values never fail."""

import re
from urllib.parse import quote

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from careers.models import Role
from official.forms import OUTLOOK_COLUMNS
from tests.test_query_counts_pages import add_synthetic_roles

from .ooh_pages import files, number, plain, projection_rows, quick_fact, raw

URL = reverse("careers:outlook")


def expected_rows():
    """{title: (code, 2024, 2034, percent, number, openings, education)}, read from the pages:
    every row of a page of one occupation, and the rows after the group's on a group page."""
    rows = {}
    for entry in files():
        page = raw(entry["file"])
        table = projection_rows(page)
        openings = number(re.search(r"bout ([\d,]+) openings for", plain(page)).group(1))
        education = quick_fact(page, "qf-education")
        for row in table[1:] if len(table) > 1 else table:
            rows[row[0]] = (row[1], *(number(v) for v in row[2:6]), openings, education)
    return rows


def table_rows(html):
    body = re.search(r'<table class="outlook-table">.*?<tbody>(.*?)</tbody>', html, re.S).group(1)
    return [
        [plain(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)
    ]


def get(client, query=""):
    response = client.get(URL + query)
    assert response.status_code == 200
    return response.content.decode()


def signed(value, suffix=""):
    return f"{'+' if value > 0 else '−' if value < 0 else ''}{abs(value):,}{suffix}"


def test_every_occupation_s_projection_matches_the_pages(handbook_data, client):
    expected = expected_rows()
    assert len(expected) == 23
    rows = table_rows(get(client))
    assert len(rows) == len(expected)
    for row in rows:
        title = row[0].split(" SOC ")[0]
        code, e2024, e2034, percent, change, openings, education = expected[title]
        if code:
            assert row[0].endswith(f"SOC {code}")
        # The percent change second: in view beside the title on a phone.
        assert row[1:5] == [signed(percent, "%"), f"{e2024:,}", f"{e2034:,}", signed(change)]
        assert row[5].startswith(f"{openings:,}")
        assert row[6].startswith(education)


def test_group_figures_are_labelled_and_see_how_to_become_one_links(handbook_data, client):
    html = get(client)
    rows = {row[0].split(" SOC ")[0]: row for row in table_rows(html)}
    assert rows["Software developers"][5] == (
        "129,200 (for software developers, quality assurance analysts, and testers)"
    )
    assert rows["Data scientists"][5] == "23,400"
    support = "https://www.bls.gov/ooh/computer-and-information-technology/computer-support-specialists.htm"
    assert f'<a href="{support}#tab-4" rel="noopener">See How to Become One</a>' in html
    assert "last modified 28 August 2025" in html


def test_the_roles_occupations_are_marked_and_linked(handbook_data, client):
    rows = {row[0].split(" SOC ")[0]: row for row in table_rows(get(client))}
    mapped = Role.objects.published().filter(official_occupation__soc_code="15-2051")
    assert [name.strip() for name in rows["Data scientists"][7].split(",")] == sorted(
        mapped.values_list("title", flat=True)
    )
    assert "Data Scientist" in rows["Data scientists"][7]
    assert rows["Actuaries"][7] == "none"
    html = get(client)
    assert 'href="/careers/data-scientist/"' in html
    assert "Data scientists ★</text>" in html


def test_the_chart_draws_the_table_s_numbers(handbook_data, client):
    html = get(client)
    chart = re.search(r"<svg.*?</svg>", html.split('id="projections-heading"')[1], re.S).group(0)
    labels = re.findall(r'text-anchor="(?:start|end)">([^<]+)</text>', chart)
    values = [label for label in labels if label.endswith("%")]
    assert values == [row[1] for row in table_rows(html)]


@pytest.mark.parametrize(("key", "heading"), OUTLOOK_COLUMNS)
def test_every_column_sorts_both_ways(handbook_data, client, key, heading):
    expected = expected_rows()
    # Where each column's figure is in expected_rows()' tuples.
    index = {
        "employment_2024": 1,
        "employment_2034": 2,
        "change_percent": 3,
        "change_number": 4,
        "openings": 5,
    }.get(key)

    def value(title):
        if key == "title":
            return title
        if key == "education":
            return expected[title][6]
        return expected[title][index]

    for descending in (False, True):
        html = get(client, f"?sort={'-' if descending else ''}{key}")
        titles = [row[0].split(" SOC ")[0] for row in table_rows(html)]
        values = [value(title) for title in titles]
        assert values == sorted(values, reverse=descending)
        state = "descending" if descending else "ascending"
        assert re.search(
            rf'<th scope="col" aria-sort="{state}"[^>]*><a href="\?sort=[^"]*">{heading}', html
        )


def test_the_default_is_fastest_growth_first_and_a_bad_sort_says_so(handbook_data, client):
    titles = [row[0] for row in table_rows(get(client))]
    assert titles[0] == "Data scientists SOC 15-2051"
    html = get(client, "?sort=salary")
    assert "There is no sort “salary”" in html
    assert [row[0] for row in table_rows(html)] == titles


def test_the_guide_s_statements_follow(handbook_data, client):
    html = get(client)
    assert html.index("projections-heading") < html.index("guide-outlook-heading")
    assert 'class="stat-group"' in html.split("guide-outlook-heading")[1]


def test_without_an_import_the_page_says_so(article_data, client):
    assert "No official projections have been imported" in get(client)


def test_query_count_is_flat_at_a_thousand_more_roles(
    handbook_data, client, django_assert_num_queries
):
    # The guide's statistics, the projections with their pages, the roles mapped to them.
    with django_assert_num_queries(3):
        get(client, "?sort=-openings")
    add_synthetic_roles(1000)
    with django_assert_num_queries(3):
        get(client, "?sort=-openings")


@hypothesis_settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    value=st.one_of(
        st.text(max_size=300),
        st.sampled_from(["\x00", "-", "--title", "title ", "TITLE", "-" * 5000, "%", "☃"]),
        st.binary(max_size=100).map(lambda b: b.decode("latin-1")),
    ),
    repeat=st.booleans(),
)
def test_any_sort_value_gets_the_page(handbook_data, client, value, repeat):
    query = f"sort={quote(value.encode('utf-8', 'surrogatepass'))}"
    response = client.get(URL, QUERY_STRING=f"{query}&{query}" if repeat else query)
    assert response.status_code == 200
    assert len(table_rows(response.content.decode())) == 23
