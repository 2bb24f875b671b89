"""The role API carries the OOH projection and way in of the role's official occupation, each
with its page, and the OpenAPI schema documents them."""

import re

from django.urls import reverse

from .ooh_pages import number, plain, projection_rows, quick_fact, raw


def detail(client, slug):
    response = client.get(reverse("api:role-detail", args=[slug]))
    assert response.status_code == 200
    return response.json()


def test_a_role_s_outlook_matches_the_page(handbook_data, client):
    outlook = detail(client, "data-scientist")["official_outlook"]
    page = raw("data-scientists.html.gz")
    (row,) = projection_rows(page)
    assert outlook["soc_code"] == row[1] == "15-2051"
    assert [
        outlook["employment_2024"],
        outlook["employment_2034"],
        outlook["change_percent"],
        outlook["change_number"],
    ] == [number(value) for value in row[2:6]]
    assert outlook["openings_per_year"] == number(
        re.search(r"bout ([\d,]+) openings for", plain(page)).group(1)
    )
    assert outlook["entry_education"] == quick_fact(page, "qf-education")
    assert outlook["work_experience"] == quick_fact(page, "qf-experience")
    assert outlook["on_the_job_training"] == quick_fact(page, "qf-training")
    assert outlook["group"] is None
    assert outlook["span"] == "2024-34"
    assert outlook["source"] == {
        "url": "https://www.bls.gov/ooh/math/data-scientists.htm",
        "title": "Data scientists",
        "last_modified": "2025-08-28",
        "visited_on": "2026-02-28",  # "February 28, 2026" in the manifest and the citation
    }
    assert "Logical-thinking skills" in outlook["important_qualities"]


def test_group_figures_name_the_group(handbook_data, client):
    outlook = detail(client, "software-developer")["official_outlook"]
    assert outlook["group"] == "Software developers, quality assurance analysts, and testers"
    assert (outlook["employment_2024"], outlook["openings_per_year"]) == (1693800, 129200)
    assert outlook["median_pay_may_2024"] == 133080


def test_no_official_occupation_is_null(handbook_data, client):
    assert detail(client, "computer-engineer")["official_outlook"] is None


def test_the_schema_documents_the_fields(client, db):
    schema = client.get(reverse("api:schema"), {"format": "json"}).json()
    fields = schema["components"]["schemas"]["OfficialOutlook"]["properties"]
    assert {"change_percent", "openings_per_year", "entry_education", "group", "source"} <= set(
        fields
    )
    detail_fields = schema["components"]["schemas"]["RoleDetail"]["properties"]
    assert "official_outlook" in detail_fields


def test_query_count(handbook_data, client, django_assert_num_queries):
    # The role, skills, salaries, next steps, companies, national estimate, and the OOH
    # projection with its page, the page's rows, qualities (and names), similar occupations.
    with django_assert_num_queries(11):
        detail(client, "data-scientist")
