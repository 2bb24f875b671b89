"""/careers/export.csv: every matching role (not one page), cited, spreadsheet-safe."""

import csv
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from careers.export import COLUMNS
from core.spreadsheet import spreadsheet_safe
from tests.factories import RoleFactory, SalaryFactory, SourceFactory

URL = reverse("careers:role_export")


def rows(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text)))


def test_every_matching_role_not_one_page(client, article_data):
    call_command("generate_synthetic_roles", "40", verbosity=0)
    exported = rows(client.get(URL))
    list_page = client.get(reverse("careers:role_list"))
    assert len(exported) == list_page.context["paginator"].count > 25


def test_a_row_has_the_guides_median_and_range_with_sources_dates_stage_and_skills(
    client, article_data
):
    (row,) = [r for r in rows(client.get(URL)) if r["slug"] == "machine-learning-engineer"]
    assert list(row) == COLUMNS
    assert row["median_pay"] == "168730"
    assert row["median_currency"] == "USD"
    assert (
        row["median_source"] == "Want to Work in Machine Learning? [2025 Career & Industry Guide]"
    )
    assert row["median_as_of"] == "February 2025"
    assert (row["range_low"], row["range_high"]) == ("135000", "215000")
    assert (row["range_source"], row["range_as_of"]) == ("Glassdoor", "date not stated")
    assert row["career_stage"] == "Established"
    assert row["url"] == "http://testserver/careers/machine-learning-engineer/"
    assert row["skills"].startswith("Computer science fundamentals (Essential); ")


def test_roles_without_pay_say_no_data(client, article_data):
    (row,) = [r for r in rows(client.get(URL)) if r["slug"] == "head-of-ai"]
    assert (row["median_pay"], row["range_low"], row["range_high"]) == ("no data",) * 3


@pytest.mark.parametrize(
    "value, safe",
    [
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("+1", "'+1"),
        ("-1+2", "'-1+2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("a=b", "a=b"),
        (168730, "168730"),
        (None, ""),
    ],
)
def test_cells_that_a_spreadsheet_would_evaluate_are_made_text(value, safe):
    assert spreadsheet_safe(value) == safe


@pytest.mark.django_db
def test_hostile_titles_and_sources_leave_as_text(client, committed):
    with committed():
        role = RoleFactory(slug="formula", title="=cmd|' /C calc'!A0", summary="")
        SalaryFactory(role=role, source=SourceFactory(publisher="@evil", title="+x"))
    (row,) = rows(client.get(URL))
    assert row["title"] == "'=cmd|' /C calc'!A0"
    assert row["median_source"] == "'@evil: +x"
    for value in row.values():
        assert not value.startswith(("=", "+", "-", "@"))


@pytest.mark.parametrize(
    "query, field",
    [
        ("pay_min=lots", "pay_min"),
        ("skill=no-such-skill", "skill"),
        ("sort=sideways", "sort"),
        ("pay_min=200000&pay_max=100000", "pay_min"),
        ("q=%00", "q"),
    ],
)
def test_invalid_filters_are_a_400_with_a_plain_text_reason(client, article_data, query, field):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert f"\n{field}: " in response.content.decode()


def test_the_role_list_links_to_its_export_with_the_current_filters(client, article_data):
    html = client.get(
        reverse("careers:role_list"), {"skill": "deep-learning", "sort": "title", "page": "1"}
    ).content.decode()
    assert f'href="{URL}?skill=deep-learning&amp;sort=title"' in html


def test_query_count_is_flat_from_the_article_to_a_thousand_more_roles(
    client, article_data, django_assert_num_queries
):
    # Six choice lists of the filter form (no official area without an import), the roles
    # (with the OOH projection joined), their skills and their salaries.
    with django_assert_num_queries(9):
        small = rows(client.get(URL, {"sort": "title"}))
    call_command("generate_synthetic_roles", "1000", verbosity=0)
    with django_assert_num_queries(9):
        large = rows(client.get(URL, {"sort": "title"}))
    assert len(large) == len(small) + 1000


@pytest.mark.usefixtures("official_data")
def test_the_official_median_for_the_chosen_area_with_its_source_and_date(client):
    # The small release (tests/official/oews_file.py): Data Scientists earn 160,000 in CA.
    by_slug = {r["slug"]: r for r in rows(client.get(URL, {"area": "CA"}))}
    scientist = by_slug["data-scientist"]
    assert scientist["bls_area"] == "California"
    assert scientist["bls_occupation"] == "Data Scientists (SOC 15-2051)"
    assert scientist["bls_match"] == "exact"
    assert (scientist["bls_median"], scientist["bls_median_text"]) == ("160000", "$160,000")
    assert scientist["bls_source"].startswith("U.S. Bureau of Labor Statistics")
    assert scientist["bls_as_of"] == "May 2025"
    assert by_slug["computer-engineer"]["bls_median"] == "no data"
    assert by_slug["computer-engineer"]["bls_median_text"] == "No official occupation matched"
    # Without an area the nation's figure; the guide's columns are unchanged either way.
    national = {r["slug"]: r for r in rows(client.get(URL))}
    assert national["data-scientist"]["bls_median"] == "120000"
    assert national["data-scientist"]["median_pay"] == scientist["median_pay"]


@pytest.mark.usefixtures("official_data")
def test_on_the_official_basis_the_export_follows_the_official_pay_filter(client):
    exported = rows(client.get(URL, {"basis": "bls", "area": "CA", "pay_min": "150000"}))
    assert {r["bls_median"] for r in exported} == {"160000"}
