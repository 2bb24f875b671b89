"""The read-only JSON API: the list's filters, cited figures, errors as 4xx, throttling."""

import pytest
from django.core.cache import cache
from django.urls import reverse

ROLES = reverse("api:role-list")


def role_url(slug):
    return reverse("api:role-detail", args=[slug])


def test_roles_are_paginated_like_the_list(client, article_data):
    from django.core.management import call_command

    call_command("generate_synthetic_roles", "30", verbosity=0)
    body = client.get(ROLES).json()
    assert len(body["results"]) == 25
    assert body["count"] > 25
    assert body["next"].endswith("?page=2")


def test_every_figure_carries_its_source_and_as_of_date(client, article_data):
    body = client.get(ROLES, {"q": "machine learning engineer", "sort": "title"}).json()
    mle = next(r for r in body["results"] if r["slug"] == "machine-learning-engineer")
    assert mle["median_pay"] == {
        "amount": 168730,
        "currency": "USD",
        "basis": "median total pay",
        "as_of": "2025-02-01",
        "as_of_precision": "month",
        "source": {
            "slug": "article",
            "publisher": "",
            "title": "Want to Work in Machine Learning? [2025 Career & Industry Guide]",
            "url": "",
        },
    }
    assert mle["pay_range"]["low"] == 135000 and mle["pay_range"]["high"] == 215000
    assert mle["pay_range"]["source"]["publisher"] == "Glassdoor"
    assert mle["pay_range"]["as_of"] is None  # Glassdoor's figure has no date in the article


def test_a_role_without_pay_has_null_pay(client, article_data):
    body = client.get(role_url("head-of-ai")).json()
    assert body["median_pay"] is None and body["pay_range"] is None
    assert body["salaries"] == []


def test_role_detail_has_salaries_next_steps_and_companies(client, article_data):
    body = client.get(role_url("machine-learning-engineer")).json()
    assert body["career_stage"] == {"slug": "established", "name": "Established"}
    assert all(s["source"] and "as_of" in s for s in body["salaries"])
    assert [r["slug"] for r in body["next_roles"]] == [
        "ai-research-scientist",
        "nlp-scientist",
        "senior-machine-learning-engineer",
    ]
    assert "amazon" in [c["slug"] for c in body["hiring_companies"]]
    assert body["url"] == "http://testserver/careers/machine-learning-engineer/"


@pytest.mark.parametrize(
    "url",
    ["/api/v1/roles/no-such-role/", "/api/v1/skills/nope/", "/api/v1/roles/?page=99"],
)
def test_unknown_addresses_are_404(client, article_data, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "query, field",
    [
        ({"pay_min": "1e9"}, "pay_min"),
        ({"skill": "cobol"}, "skill"),
        ({"stage": "x" * 3000}, "stage"),
        ({"sort": "sideways"}, "sort"),
        ({"q": "\x00"}, "q"),
    ],
)
def test_invalid_filters_are_a_400_naming_the_field(client, article_data, query, field):
    response = client.get(ROLES, query)
    assert response.status_code == 400
    assert field in response.json()


def test_writes_are_refused(client, article_data):
    assert client.post(ROLES, {}).status_code == 405
    assert client.delete(role_url("data-scientist")).status_code == 405


def test_skills_companies_and_faq(client, article_data):
    skills = client.get(reverse("api:skill-list")).json()["results"]
    assert {"slug": "python", "name": "Python"}.items() <= next(
        s for s in skills if s["slug"] == "python"
    ).items()
    companies = client.get(reverse("api:company-list")).json()["results"]
    assert "amazon" in [c["slug"] for c in companies]
    faq = client.get(reverse("api:faq-list"), {"q": "paying"}).json()["results"]
    assert [entry["slug"] for entry in faq] == ["is-machine-learning-high-paying"]
    assert faq[0]["source"]["slug"] == "article"


def test_anonymous_clients_past_the_rate_get_429_with_retry_after(client, article_data, settings):
    settings.API_ANON_RATE = "2/minute"
    cache.clear()
    try:
        assert [client.get(ROLES).status_code for _ in range(2)] == [200, 200]
        refused = client.get(ROLES)
        assert refused.status_code == 429
        assert 0 < int(refused["Retry-After"]) <= 60
    finally:
        cache.clear()


def test_schema_is_openapi_3_and_lists_the_role_filters(client, db):
    response = client.get(reverse("api:schema"))
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    parameters = {p["name"] for p in schema["paths"]["/api/v1/roles/"]["get"]["parameters"]}
    assert {"q", "pay_min", "pay_max", "skill", "stage", "company", "sort", "page"} <= parameters
    assert not response.has_header("Vary")


def test_docs_load_their_assets_from_this_site_with_no_inline_script_or_style(client, db):
    response = client.get(reverse("api:docs"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<style" not in html
    assert "<script>" not in html
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "https://" not in html
    script = client.get(reverse("api:docs"), {"script": ""})
    assert script["Content-Type"] == "application/javascript"
    assert not script.cookies and not script.has_header("Vary")


@pytest.mark.usefixtures("official_data")
def test_roles_carry_the_official_median_of_the_chosen_area_with_its_release(client):
    # The small release (tests/official/oews_file.py): Data Scientists earn 160,000 in CA.
    body = client.get(ROLES, {"area": "CA", "q": "data scientist", "sort": "title"}).json()
    by_slug = {role["slug"]: role for role in body["results"]}
    official = by_slug["data-scientist"]["official_median"]
    assert official["area"] == {"code": "CA", "name": "California"}
    assert official["occupation"] == {"soc_code": "15-2051", "title": "Data Scientists"}
    assert (official["median"], official["top_coded"], official["match"]) == (
        160000,
        False,
        "exact",
    )
    assert official["source"]["publisher"] == "U.S. Bureau of Labor Statistics"
    assert official["as_of"] == "2025-05-01"


@pytest.mark.usefixtures("official_data")
def test_one_role_carries_every_national_official_figure(client):
    body = client.get(role_url("data-scientist")).json()
    national = body["official_national"]
    assert national["area"]["code"] == "US"
    assert national["median"] == 120000
    assert national["release"] == "May 2025"
    # How precise, as BLS writes it (tests/official/oews_file.py: 4.3% and 2.6%).
    assert (national["employment_rse"], national["mean_rse"]) == ("4.3", "2.6")
    assert client.get(role_url("computer-engineer")).json()["official_national"] is None


@pytest.mark.usefixtures("official_data")
def test_the_official_basis_filters_and_sorts_as_the_list_does(client):
    body = client.get(ROLES, {"basis": "bls", "area": "CA", "pay_min": "150000"}).json()
    assert {role["official_median"]["median"] for role in body["results"]} == {160000}
    assert client.get(ROLES, {"basis": "bls", "area": "ZZ"}).status_code == 400
