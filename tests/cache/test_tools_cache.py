"""The API's JSON, its schema and docs, /match/, /compare/ and /path/ are kept by the page
cache and dropped when content changes, like every page; downloads and refusals are not kept."""

import pytest
from django.core.management import call_command
from django.test import Client

from careers.models import Salary
from careers.querysets import salary_recency

pytestmark = pytest.mark.django_db(transaction=True)

KEPT = [
    "/api/v1/roles/?skill=deep-learning&sort=title",
    "/api/v1/roles/machine-learning-engineer/",
    "/api/v1/skills/",
    "/api/v1/companies/",
    "/api/v1/faq/",
    "/api/v1/schema/",
    "/api/v1/docs/",
    "/api/v1/docs/?script=",
    "/match/?have=deep-learning",
    "/compare/?role=data-scientist&role=machine-learning-engineer",
    "/path/",
]


@pytest.fixture
def site(page_cache_on):
    call_command("load_initial_data", verbosity=0)
    return page_cache_on


@pytest.mark.parametrize("url", KEPT)
def test_second_request_is_a_hit_with_the_same_body(site, url):
    miss = Client().get(url)
    hit = Client().get(url)
    assert miss.status_code == 200
    assert (miss["X-Cache"], hit["X-Cache"]) == ("miss", "hit")
    assert hit.content == miss.content
    assert hit["Content-Type"] == miss["Content-Type"]


def test_an_api_response_shows_a_salary_edit_on_the_next_request(site):
    url = "/api/v1/roles/machine-learning-engineer/"
    Client().get(url)
    assert Client().get(url)["X-Cache"] == "hit"
    salary = Salary.objects.filter(role__slug="machine-learning-engineer", median__isnull=False)
    salary = salary.order_by(*salary_recency()).first()  # the record the API shows
    salary.median = 170_001
    salary.save()  # commits (transactional test): the content version is replaced
    response = Client().get(url)
    assert response["X-Cache"] == "miss"
    assert response.json()["median_pay"]["amount"] == 170_001


@pytest.mark.parametrize(
    "url",
    [
        "/careers/export.csv",  # streamed: never stored
        "/api/v1/roles/?pay_min=lots",  # 400
        "/compare/?role=nope&role=nada",  # 400
        "/api/v1/roles/nope/",  # 404
    ],
)
def test_downloads_and_refusals_are_not_kept(site, url):
    Client().get(url)
    assert Client().get(url)["X-Cache"] == "miss"
