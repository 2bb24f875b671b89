"""The CSV export and the API return exactly the roles the role list returns, in its order, for
any query string: random combinations of every filter (the official basis and area included),
valid and not."""

import csv
import io
from urllib.parse import urlencode

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from careers.filters import SORT_CHOICES

LIST = reverse("careers:role_list")
EXPORT = reverse("careers:role_export")
API = reverse("api:role-list")

SKILLS = ["deep-learning", "programming", "artificial-intelligence", "python", "teamwork", "nope"]
STAGES = ["entry-level", "established", "specialist", "leadership", "nope"]
COMPANIES = ["amazon", "tiktok", "coinbase", "nope"]
WORDS = ["engineer", "data", "scientist", "synthetic", "learning", "zzz", "NLP"]
PAY = [None, "0", "90000", "120000", "$150,000", "180000", "250000", "lots"]
# The small official release's areas (tests/official/oews_file.py), in any case, and a bad one.
AREAS = ["US", "CA", "ca", "DC", "PR", "41860", "ZZ"]

query_strings = st.fixed_dictionaries(
    {},
    optional={
        "q": st.lists(st.sampled_from(WORDS), min_size=1, max_size=2).map(" ".join),
        "pay_min": st.sampled_from(PAY),
        "pay_max": st.sampled_from(PAY),
        "skill": st.lists(st.sampled_from(SKILLS), max_size=3),
        "stage": st.sampled_from(STAGES),
        "company": st.sampled_from(COMPANIES),
        "sort": st.sampled_from([key for key, _ in SORT_CHOICES] + ["sideways"]),
        "basis": st.sampled_from(["guide", "bls", "both"]),
        "area": st.sampled_from(AREAS),
    },
).map(lambda params: urlencode({k: v for k, v in params.items() if v is not None}, doseq=True))


@pytest.fixture
def roles(official_data):
    call_command("generate_synthetic_roles", "60", verbosity=0)


def list_slugs(client, query):
    response = client.get(f"{LIST}?{query}")
    assert response.status_code == 200
    if response.context["filter"].form.errors:
        return None
    # Every page's roles in the list's order: the paginator pages through exactly this.
    return [role.slug for role in response.context["paginator"].object_list]


def export_slugs(client, query):
    response = client.get(f"{EXPORT}?{query}")
    if response.status_code == 400:
        return None
    text = b"".join(response.streaming_content).decode()
    return [row["slug"] for row in csv.DictReader(io.StringIO(text))]


def api_slugs(client, query):
    response = client.get(f"{API}?{query}")
    if response.status_code == 400:
        return None
    slugs, body = [], response.json()
    while True:
        slugs += [role["slug"] for role in body["results"]]
        if not body["next"]:
            return slugs
        body = client.get(body["next"]).json()


@hypothesis_settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(query=query_strings)
def test_export_and_api_list_exactly_the_roles_of_the_list(roles, query):
    client = Client()
    expected = list_slugs(client, query)
    assert export_slugs(client, query) == expected
    assert api_slugs(client, query) == expected


@pytest.mark.parametrize(
    "query",
    [
        "",
        "sort=title",
        "skill=deep-learning&sort=pay",
        "q=synthetic&sort=-title",
        "basis=bls&area=CA&sort=-pay",
        "basis=bls&pay_min=100000",
    ],
)
def test_the_same_roles_for_queries_that_find_many(roles, query):
    client = Client()
    expected = list_slugs(client, query)
    assert expected  # these queries find roles: the comparison is not of two empty lists
    assert export_slugs(client, query) == expected
    assert api_slugs(client, query) == expected
