"""The role list (HTML, CSV and API) sorts by BLS's projected growth 2024-34, filters by the
typical entry-level education, takes BLS's qualities in the skill filter, and the CSV and the
API list carry the outlook figures, each cited to its OOH page. Expected values are read from
the bundled pages with tests/official/ooh_pages.py, not from the code under test."""

import csv
import io

from django.core.management import call_command
from django.urls import reverse

from careers.models import Role
from official.models import Occupation

from .ooh_pages import files, number, plain, projection_rows, quick_fact, raw
from .test_qualities_as_skills import qualities_named_for

LIST = reverse("careers:role_list")
EXPORT = reverse("careers:role_export")
API = reverse("api:role-list")


def pages_by_code():
    """{SOC code: (page HTML, its projections row)} for every SOC row of the bundled pages."""
    found = {}
    for entry in files():
        page = raw(entry["file"])
        for row in projection_rows(page):
            if row[1] and row[1] != "—" and row[1][:2].isdigit():
                found[row[1]] = (page, row)
    return found


def published_roles():
    return list(Role.objects.published().select_related("official_occupation"))


def growth_of(role, pages):
    occupation = role.official_occupation
    if occupation is None or occupation.soc_code not in pages:
        return None
    return number(pages[occupation.soc_code][1][4])


def api_list(client, params):
    """Every role the API lists for `params`, following its pages."""
    found, page = [], 1
    while True:
        response = client.get(API, {**params, "page": page})
        assert response.status_code == 200, response.content
        body = response.json()
        found += body["results"]
        if not body["next"]:
            return found
        page += 1


def test_growth_sorts_fastest_first_and_roles_without_a_projection_last(handbook_data, client):
    pages = pages_by_code()
    roles = published_roles()
    growth = {role.slug: growth_of(role, pages) for role in roles}
    assert sum(value is not None for value in growth.values()) >= 10
    expected = sorted(
        roles, key=lambda r: (growth[r.slug] is None, -(growth[r.slug] or 0), r.title, r.pk)
    )
    listed = [row["slug"] for row in api_list(client, {"sort": "-growth"})]
    assert listed == [role.slug for role in expected]
    # Slowest first keeps roles without a projection last too.
    expected = sorted(
        roles, key=lambda r: (growth[r.slug] is None, growth[r.slug] or 0, r.title, r.pk)
    )
    listed = [row["slug"] for row in api_list(client, {"sort": "growth"})]
    assert listed == [role.slug for role in expected]


def test_data_scientist_leads_the_html_list_by_growth(handbook_data, client):
    # Data scientists: +34% (the page's table), the fastest of the bundled pages' rows.
    (row,) = projection_rows(raw("data-scientists.html.gz"))
    assert row[4] == "34"
    assert max(number(r[4]) for _, r in pages_by_code().values()) == 34
    fastest = {role.slug for role in published_roles() if growth_of(role, pages_by_code()) == 34}
    assert "data-scientist" in fastest
    response = client.get(LIST, {"sort": "-growth"})
    assert response.status_code == 200
    first = [role.slug for role in response.context["roles"]][: len(fastest)]
    assert set(first) == fastest
    assert "Fastest projected growth first (BLS, 2024-34)" in response.text


def test_education_filter_keeps_the_roles_whose_page_gives_it(handbook_data, client):
    pages = pages_by_code()
    educations = {
        role.slug: quick_fact(pages[role.official_occupation.soc_code][0], "qf-education")
        for role in published_roles()
        if role.official_occupation and role.official_occupation.soc_code in pages
    }
    for slug, printed in [
        ("bachelors-degree", "Bachelor's degree"),
        ("masters-degree", "Master's degree"),
    ]:
        expected = {role for role, education in educations.items() if education == printed}
        assert expected
        listed = {row["slug"] for row in api_list(client, {"education": slug})}
        assert listed == expected
        response = client.get(LIST, {"education": slug, "sort": "title"})
        assert {role.slug for role in response.context["roles"]} == expected
        assert f"Entry-level education (BLS): {printed}" in plain(response.text)


def test_education_options_are_the_imported_pages_values(handbook_data, client):
    printed = {quick_fact(raw(entry["file"]), "qf-education") for entry in files()}
    assert printed == {"Bachelor's degree", "Master's degree", "See How to Become One"}
    field = client.get(LIST).context["filter"].form.fields["education"]
    assert [label for value, label in field.choices if value] == [
        "Bachelor's degree",
        "Master's degree",
        "No single level (BLS: See How to Become One)",
    ]


def test_unknown_education_is_a_form_error_everywhere(handbook_data, client):
    for value in ["phd", "Bachelor's degree", "\x00", "a" * 10_000, "bachelors-degree\n"]:
        response = client.get(LIST, {"education": value})
        assert response.status_code == 200
        assert "education" in response.context["filter"].form.errors
        assert list(response.context["roles"]) == []
        assert client.get(API, {"education": value}).status_code == 400
        assert client.get(EXPORT, {"education": value}).status_code == 400


def test_without_imported_pages_no_education_is_offered(article_data, client):
    response = client.get(LIST, {"education": "bachelors-degree"})
    assert "education" in response.context["filter"].form.errors
    assert client.get(LIST, {"sort": "-growth"}).status_code == 200


def test_skill_filter_takes_bls_qualities(handbook_data, client):
    expected = {
        role.slug
        for role in published_roles()
        if role.official_occupation
        and any(
            named.startswith("Analytical")
            for named in qualities_named_for(role.official_occupation.soc_code)
        )
    }
    assert len(expected) >= 10
    listed = {row["slug"] for row in api_list(client, {"skill": "analytical-skills"})}
    assert listed == expected
    response = client.get(LIST, {"skill": "analytical-skills"})
    assert {role.slug for role in response.context["roles"]} == expected
    html = response.content.decode()
    assert "Important qualities (U.S. Bureau of Labor Statistics)" in html
    assert "Skill: Analytical skills (BLS)" in plain(html)
    # Its option counts the roles it leaves, like the guide's skills.
    assert f"Analytical skills (BLS) ({len(expected)})" in plain(html)


def test_a_quality_and_a_guide_skill_both_narrow(handbook_data, client):
    # Deep learning is a guide skill of some roles (not one named for every role).
    params = {"skill": ["analytical-skills", "deep-learning"]}
    listed = {row["slug"] for row in api_list(client, params)}
    deep = set(
        Role.objects.published()
        .filter(role_skills__skill__slug="deep-learning")
        .values_list("slug", flat=True)
    )
    bls = {row["slug"] for row in api_list(client, {"skill": "analytical-skills"})}
    assert deep and bls
    assert listed == deep & bls


def test_api_list_carries_the_outlook_cited(handbook_data, client):
    rows = {row["slug"]: row for row in api_list(client, {})}
    outlook = rows["data-scientist"]["official_outlook"]
    page = raw("data-scientists.html.gz")
    (row,) = projection_rows(page)
    assert outlook["soc_code"] == row[1] == "15-2051"
    assert [
        outlook["employment_2024"],
        outlook["employment_2034"],
        outlook["change_percent"],
        outlook["change_number"],
    ] == [number(value) for value in row[2:6]]
    assert outlook["entry_education"] == quick_fact(page, "qf-education")
    assert outlook["work_experience"] == quick_fact(page, "qf-experience")
    assert outlook["span"] == "2024-34"
    assert outlook["group"] is None
    assert outlook["source"] == {
        "url": "https://www.bls.gov/ooh/math/data-scientists.htm",
        "title": "Data scientists",
        "last_modified": "2025-08-28",
        "visited_on": "2026-02-28",
    }
    # The list carries the detail's figures (the detail adds the qualities).
    detail = client.get(reverse("api:role-detail", args=["data-scientist"])).json()
    assert {k: v for k, v in detail["official_outlook"].items() if k in outlook} == outlook
    group = rows["software-developer"]["official_outlook"]
    assert group["group"] == "Software developers, quality assurance analysts, and testers"
    assert (group["employment_2024"], group["openings_per_year"]) == (1693800, 129200)
    assert rows["computer-engineer"]["official_outlook"] is None


def test_csv_carries_the_outlook_cited(handbook_data, client):
    response = client.get(EXPORT, {"sort": "-growth"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    rows = {row["slug"]: row for row in csv.DictReader(io.StringIO(text))}
    page = raw("data-scientists.html.gz")
    (row,) = projection_rows(page)
    scientist = rows["data-scientist"]
    assert [
        scientist["outlook_employment_2024"],
        scientist["outlook_employment_2034"],
        scientist["outlook_change_percent"],
        scientist["outlook_change_number"],
    ] == [str(number(value)) for value in row[2:6]]
    assert scientist["outlook_openings_per_year"] == "23400"
    assert scientist["outlook_entry_education"] == quick_fact(page, "qf-education")
    assert scientist["outlook_work_experience"] == quick_fact(page, "qf-experience")
    assert scientist["outlook_span"] == "2024-34"
    assert scientist["outlook_occupation"] == "Data scientists (SOC 15-2051)"
    assert scientist["outlook_group"] == ""
    assert scientist["outlook_source"] == (
        "U.S. Bureau of Labor Statistics, Occupational Outlook Handbook: Data scientists"
    )
    assert scientist["outlook_source_url"] == "https://www.bls.gov/ooh/math/data-scientists.htm"
    assert scientist["outlook_as_of"] == "Last modified August 28, 2025"
    assert rows["software-developer"]["outlook_group"] == (
        "Software developers, quality assurance analysts, and testers"
    )
    assert rows["computer-engineer"]["outlook_change_percent"] == "no data"
    assert rows["computer-engineer"]["outlook_source_url"] == ""


def test_the_schema_documents_the_list_outlook(client, db):
    schema = client.get(reverse("api:schema"), {"format": "json"}).json()
    components = schema["components"]["schemas"]
    assert "official_outlook" in components["Role"]["properties"]
    fields = components["ListedOutlook"]["properties"]
    assert {
        "change_percent",
        "change_number",
        "employment_2024",
        "employment_2034",
        "openings_per_year",
        "entry_education",
        "work_experience",
        "source",
    } <= set(fields)
    parameters = schema["paths"]["/api/v1/roles/"]["get"]["parameters"]
    education = next(p for p in parameters if p["name"] == "education")
    assert education["in"] == "query"
    sort = next(p for p in parameters if p["name"] == "sort")
    assert {"-growth", "growth"} <= set(sort["schema"]["enum"])


def test_api_list_and_csv_query_counts_stay_flat(handbook_data, client, django_assert_num_queries):
    # Six choice lists of the filter form (no official area, so no release to cite), then
    # count (API only), rows with the outlook joined, their skills and their salaries.
    def measure():
        with django_assert_num_queries(10) as api:
            client.get(API, {"sort": "-growth"})
        with django_assert_num_queries(9) as export:
            response = client.get(EXPORT, {"sort": "-growth", "education": "bachelors-degree"})
            b"".join(response.streaming_content)  # the rows are read as the file streams
        return len(api), len(export)

    before = measure()
    call_command("generate_synthetic_roles", "1000", verbosity=0)
    Role.objects.filter(is_synthetic=True).update(
        is_published=True,
        official_occupation=Occupation.objects.get(soc_code="15-2051"),
        official_match="closest",
    )
    assert measure() == before


def test_rows_sorted_by_growth_show_the_figure_cited(handbook_data, client):
    html = client.get(LIST, {"sort": "-growth"}).content.decode()
    row = plain(html.split('id="role-data-scientist"')[1].split("</article>")[0]).replace(" ,", ",")
    page = raw("data-scientists.html.gz")
    (table_row,) = projection_rows(page)
    assert (
        f"Official outlook, 2024-34 +{table_row[4]}% (+{table_row[5]} jobs) for data scientists. "
        f"Typical entry-level education: {quick_fact(page, 'qf-education')}." in row
    )
    assert (
        "Source: U.S. Bureau of Labor Statistics, Occupational Outlook Handbook, Data scientists, "
        "last modified 28 August 2025." in row
    )
    developer = plain(html.split('id="role-software-developer"')[1].split("</article>")[0])
    assert (
        "Typical entry-level education for software developers, quality assurance analysts, "
        "and testers: Bachelor's degree." in developer
    )
    # Without the growth sort or the education filter the rows stay as they were.
    assert "Official outlook" not in client.get(LIST).content.decode()
