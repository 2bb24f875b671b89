"""A page's key is what the page was built from: the host, the script prefix its links use, the
routed path and the query parameters its view reads, normalised. Nothing else a client sends
can add an entry or reach a stored page."""

import re

import pytest
from django.core.cache import caches
from django.core.handlers.wsgi import get_script_name
from django.http import QueryDict
from django.test import Client
from django.test.client import ClientHandler
from django.urls import set_script_prefix

from api.pagination import RolePagination
from careerguide.page_keys import known_query

pytestmark = pytest.mark.django_db

ROLE_LIST = "/careers/"
ROLE_PAGE = "/careers/machine-learning-engineer/"


def page_keys():
    """The page entries in the (local-memory) shared cache, whatever their version."""
    return [key for key in caches["default"]._cache if ":page:" in key]


def links(response):
    return re.findall(r'href="([^"]*)"', response.content.decode())


class ServerHandler(ClientHandler):
    """The test client's handler, setting the script prefix from the request as Django's WSGI
    handler does behind a real server (the test client leaves it at "/")."""

    def __call__(self, environ):
        set_script_prefix(get_script_name(environ))
        try:
            return super().__call__(environ)
        finally:
            set_script_prefix("/")


def server_client():
    client = Client()
    client.handler = ServerHandler()
    return client


def poison_the_role_list():
    """What a SCRIPT_NAME header passed on by a proxy gives: the home page, routed from "/",
    with every link under /careers, for the address /careers/."""
    return server_client().get("/", SCRIPT_NAME="/careers")


def test_a_script_name_from_the_client_cannot_replace_the_stored_page(page_cache_on, article_data):
    poisoned = poison_the_role_list()
    assert poisoned.status_code == 200
    assert not [href for href in links(poisoned) if href.startswith("/careers/careers/")]
    role_list = server_client().get(ROLE_LIST)
    assert role_list["X-Cache"] == "miss"
    assert role_list.context["roles"]
    home = server_client().get("/")
    assert (home["X-Cache"], home.content) == ("hit", poisoned.content)


def test_the_script_prefix_is_part_of_the_key(page_cache_on, article_data):
    """Even where a deployment lets the request set the prefix, a page built with another
    prefix's links is stored apart from the ordinary pages."""
    page_cache_on.FORCE_SCRIPT_NAME = None
    poisoned = poison_the_role_list()
    assert f'href="/careers{ROLE_PAGE}"' in poisoned.content.decode()
    role_list = server_client().get(ROLE_LIST)
    assert role_list["X-Cache"] == "miss"
    assert role_list.context["roles"]
    assert not [href for href in links(role_list) if href.startswith("/careers/careers/")]
    assert server_client().get("/")["X-Cache"] == "miss"


@pytest.mark.parametrize(
    "url", [ROLE_LIST, ROLE_PAGE, "/", "/faq/", "/compare/?role=data-scientist", "/api/v1/roles/"]
)
def test_unknown_parameters_add_no_entry_and_reach_no_link(page_cache_on, article_data, url):
    separator = "&" if "?" in url else "?"
    responses = [Client().get(f"{url}{separator}utm_source=x{n}") for n in range(1, 51)]
    assert [r.status_code for r in responses] == [200] * 50
    assert [r["X-Cache"] for r in responses] == ["miss"] + ["hit"] * 49
    assert len(page_keys()) == 1
    assert all(b"utm_source" not in r.content for r in responses)
    assert Client().get(url)["X-Cache"] == "hit"


def test_the_api_s_page_links_carry_only_its_own_parameters(
    page_cache_on, article_data, monkeypatch
):
    monkeypatch.setattr(RolePagination, "page_size", 2)
    body = Client().get("/api/v1/roles/?utm_source=mail&sort=title&sort=title&q=").json()
    assert body["next"] == "http://testserver/api/v1/roles/?page=2&sort=title"


@pytest.mark.parametrize(
    "variant",
    [
        "?sort=title&skill=python",
        "?skill=python&sort=title",
        "?sort=-pay&sort=title&skill=python",  # the last value is the one the form reads
        "?skill=python&q=&sort=title&page=&stage=",
        "?skill=python&skill=&sort=title&utm_campaign=spring",
    ],
)
def test_order_repeats_and_empty_values_map_to_one_entry(page_cache_on, article_data, variant):
    first = Client().get(ROLE_LIST + "?sort=title&skill=python")
    again = Client().get(ROLE_LIST + variant)
    assert again.status_code == 200
    assert (first["X-Cache"], again["X-Cache"]) == ("miss", "hit")
    assert again.content == first.content
    assert len(page_keys()) == 1


def test_pages_still_vary_by_the_parameters_their_view_reads(page_cache_on, article_data):
    urls = [
        ROLE_LIST,
        ROLE_LIST + "?sort=title",
        ROLE_LIST + "?sort=-title",
        ROLE_LIST + "?skill=python",
        ROLE_LIST + "?skill=python&skill=sql",
        "/compare/?role=data-scientist&role=machine-learning-engineer",
        "/compare/?role=machine-learning-engineer&role=data-scientist",  # the visitor's order
    ]
    bodies = {}
    for url in urls:
        response = Client().get(url)
        assert (response.status_code, response["X-Cache"]) == (200, "miss"), url
        bodies[url] = response.content
    assert len(set(bodies.values())) == len(urls)
    assert len(page_keys()) == len(urls)
    for url in urls:
        assert Client().get(url).content == bodies[url]


def test_a_view_that_does_not_say_what_it_reads_is_not_cached_with_a_query(page_cache_on, settings):
    settings.ROOT_URLCONF = "tests.cache.urls"
    client = Client()
    bodies = {client.get("/test/counted/?anything=1").content for _ in range(3)}
    assert len(bodies) == 3
    assert not page_keys()
    client.get("/test/counted/")
    assert client.get("/test/counted/")["X-Cache"] == "hit"


def test_searches_are_stored_at_most_the_budget_per_minute(page_cache_on, article_data):
    page_cache_on.PAGE_CACHE_QUERY_PAGES_PER_MINUTE = 3
    for word in ("alpha", "beta", "gamma", "delta", "epsilon"):
        assert Client().get(ROLE_LIST, {"q": word}).status_code == 200
    assert len(page_keys()) == 3
    assert Client().get(ROLE_LIST, {"q": "alpha"})["X-Cache"] == "hit"
    assert Client().get(ROLE_LIST, {"q": "epsilon"})["X-Cache"] == "miss"
    Client().get(ROLE_LIST)  # a page without a query string is not counted
    assert Client().get(ROLE_LIST)["X-Cache"] == "hit"


@pytest.mark.parametrize(
    ("query", "known", "expected"),
    [
        ("b=2&a=1", {"a": "one", "b": "one"}, "a=1&b=2"),
        ("a=1&a=2&a=", {"a": "one"}, ""),  # the last value is empty: as if absent
        ("a=2&a=&a=1", {"a": "many"}, "a=2&a=1"),
        ("script=", {"script": "raw"}, "script="),
        ("x=1&a=%C3%A9+%26", {"a": "one"}, "a=%C3%A9+%26"),
    ],
)
def test_known_query_normalises(query, known, expected):
    assert known_query(QueryDict(query), known) == expected
