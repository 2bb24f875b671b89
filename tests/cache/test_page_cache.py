"""What the page cache keeps, for whom, and what a cached page looks like."""

import time

import pytest
from csp.constants import NONCE, SELF
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.test import Client

from careerguide import cache as page_cache

pytestmark = pytest.mark.django_db

ROLE_LIST = "/careers/"
ROLE_PAGE = "/careers/machine-learning-engineer/"
TEST_URLS = "tests.cache.urls"
# Headers the server (or the test client) adds to every response, cached or not.
PER_RESPONSE = {"X-Cache", "Date"}


@pytest.fixture
def test_urls(settings):
    settings.ROOT_URLCONF = TEST_URLS


def comparable(response):
    return {name: value for name, value in response.items() if name not in PER_RESPONSE}


def page_keys():
    """The page entries in the (local-memory) shared cache, whatever their version."""
    return [key for key in caches["default"]._cache if ":page:" in key]


@pytest.mark.parametrize("url", ["/", ROLE_LIST, ROLE_PAGE, "/faq/", "/skills/", "/outlook/"])
def test_second_visit_is_a_hit_with_the_same_page_and_headers(page_cache_on, article_data, url):
    client = Client()
    miss = client.get(url)
    hit = client.get(url)
    assert (miss.status_code, hit.status_code) == (200, 200)
    assert (miss["X-Cache"], hit["X-Cache"]) == ("miss", "hit")
    assert hit.content == miss.content
    assert comparable(hit) == comparable(miss)
    for name in (
        "Content-Type",
        "Content-Length",
        "Content-Security-Policy",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
        "ETag",
    ):
        assert hit[name], name
    assert int(hit["Content-Length"]) == len(hit.content)


def test_a_hit_runs_no_query_and_no_view(page_cache_on, article_data, django_assert_num_queries):
    client = Client()
    client.get(ROLE_LIST)
    with django_assert_num_queries(0):
        assert client.get(ROLE_LIST)["X-Cache"] == "hit"


def test_a_page_is_rendered_once_for_many_visitors(page_cache_on, test_urls):
    bodies = {Client().get("/test/counted/").content for _ in range(5)}
    assert len(bodies) == 1


def test_another_worker_finds_the_page_in_the_shared_cache(page_cache_on, article_data):
    Client().get(ROLE_PAGE)
    page_cache.local_pages.clear()  # as if the next request reached another process
    assert Client().get(ROLE_PAGE)["X-Cache"] == "hit"


def test_off_means_off(settings, article_data):
    settings.PAGE_CACHE_SECONDS = 0
    client = Client()
    client.get(ROLE_LIST)
    response = client.get(ROLE_LIST)
    assert "X-Cache" not in response
    assert "ETag" not in response
    assert not page_keys()


def test_cache_control_lets_a_cdn_store_but_revalidate(page_cache_on, article_data):
    for response in (Client().get(ROLE_LIST), Client().get(ROLE_LIST)):
        directives = {part.strip() for part in response["Cache-Control"].split(",")}
        assert directives == {"public", "max-age=0", "must-revalidate"}


def test_a_cdn_max_age_becomes_s_maxage(page_cache_on, article_data):
    page_cache_on.PAGE_CACHE_CDN_SECONDS = 120
    response = Client().get(ROLE_LIST)
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert directives == {"public", "max-age=0", "must-revalidate", "s-maxage=120"}


def test_if_none_match_gets_304_from_the_cache(page_cache_on, article_data):
    client = Client()
    etag = client.get(ROLE_PAGE)["ETag"]
    response = client.get(ROLE_PAGE, headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert response["X-Cache"] == "hit"
    assert "public" in response["Cache-Control"]


def test_if_none_match_gets_304_on_a_miss_with_the_same_content(page_cache_on, article_data):
    etag = Client().get(ROLE_PAGE)["ETag"]
    caches["default"].clear()
    page_cache.reset()
    response = Client().get(ROLE_PAGE, headers={"If-None-Match": etag})
    assert (response.status_code, response["X-Cache"]) == (304, "miss")


def test_a_stale_etag_gets_the_page(page_cache_on, article_data):
    Client().get(ROLE_PAGE)
    response = Client().get(ROLE_PAGE, headers={"If-None-Match": '"not-this-one"'})
    assert response.status_code == 200
    assert response.content


def test_head_is_answered_from_the_cached_get(page_cache_on, article_data):
    client = Client()
    get = client.get(ROLE_PAGE)
    head = client.head(ROLE_PAGE)
    assert head.status_code == 200
    assert head["X-Cache"] == "hit"
    assert head.content == b""
    assert head["Content-Length"] == get["Content-Length"]


def test_a_head_is_never_stored(page_cache_on, article_data):
    """A view may answer HEAD without a body; that must never become the page for a GET."""
    client = Client()
    assert client.head(ROLE_PAGE)["X-Cache"] == "miss"
    assert not page_keys()
    get = client.get(ROLE_PAGE)
    assert get["X-Cache"] == "miss"
    assert b"<h1" in get.content


def test_the_full_query_string_is_part_of_the_key(page_cache_on, article_data):
    client = Client()
    assert client.get(ROLE_LIST, {"q": "engineer"})["X-Cache"] == "miss"
    assert client.get(ROLE_LIST, {"q": "engineer"})["X-Cache"] == "hit"
    assert client.get(ROLE_LIST, {"q": "scientist"})["X-Cache"] == "miss"
    assert client.get(ROLE_LIST)["X-Cache"] == "miss"


def test_a_page_with_form_errors_is_kept_under_its_own_query(page_cache_on, article_data):
    client = Client()
    bad = client.get(ROLE_LIST, {"pay_min": "lots"})
    assert bad.status_code == 200
    again = client.get(ROLE_LIST, {"pay_min": "lots"})
    assert again["X-Cache"] == "hit"
    assert again.content == bad.content
    assert client.get(ROLE_LIST)["X-Cache"] == "miss"


def test_a_long_query_gives_a_short_key(page_cache_on, article_data):
    Client().get(ROLE_LIST, {"q": "x" * 3000})
    [key] = page_keys()
    assert len(key) < 120


def test_host_and_scheme_are_part_of_the_key(page_cache_on, article_data):
    Client().get(ROLE_PAGE)
    assert Client().get(ROLE_PAGE, secure=True)["X-Cache"] == "miss"
    assert Client(SERVER_NAME="localhost").get(ROLE_PAGE)["X-Cache"] == "miss"
    assert Client().get(ROLE_PAGE, headers={"Host": "127.0.0.1"})["X-Cache"] == "miss"


def test_a_host_outside_allowed_hosts_is_refused_not_cached(page_cache_on, article_data):
    response = Client().get(ROLE_PAGE, headers={"Host": "evil.example"})
    assert response.status_code == 400
    assert not page_keys()


def test_a_post_is_never_answered_from_the_cache(page_cache_on, test_urls):
    client = Client()
    client.get("/test/counted/")
    response = client.post("/test/counted/")
    assert "X-Cache" not in response


@pytest.mark.parametrize("path", ["/admin/login/", "/healthz"])
def test_admin_and_health_check_are_never_looked_up(page_cache_on, path):
    client = Client()
    client.get(path)
    assert "X-Cache" not in client.get(path)
    assert not page_keys()


@pytest.mark.parametrize("path", ["/admin/login/", "/healthz"])
def test_admin_and_health_check_are_never_stored_even_when_looked_up(page_cache_on, path):
    page_cache_on.PAGE_CACHE_EXCLUDED_PATHS = []
    client = Client()
    client.get(path)
    assert client.get(path)["X-Cache"] == "miss"
    assert not page_keys()


@pytest.mark.parametrize(
    "path",
    [
        "/test/cookie/",  # sets a cookie
        "/test/session/",  # Vary: Cookie
        "/test/missing/",  # a 404
    ],
)
def test_pages_that_are_not_the_same_for_everyone_are_not_stored(page_cache_on, test_urls, path):
    client = Client()
    client.get(path)
    assert client.get(path)["X-Cache"] == "miss"
    assert not page_keys()


def test_a_page_with_a_csp_nonce_is_not_stored(page_cache_on, test_urls):
    policy = page_cache_on.CONTENT_SECURITY_POLICY
    page_cache_on.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {**policy["DIRECTIVES"], "script-src": [SELF, NONCE]}
    }
    client = Client()
    first = client.get("/test/nonce/")
    assert "'nonce-" in first["Content-Security-Policy"]
    assert client.get("/test/nonce/")["X-Cache"] == "miss"
    assert not page_keys()


def test_a_signed_in_editor_is_never_served_the_cached_page(
    page_cache_on, article_data, editor_client
):
    Client().get(ROLE_PAGE)
    response = editor_client.get(ROLE_PAGE)
    assert response.status_code == 200
    assert "X-Cache" not in response


def test_an_editors_page_is_never_stored_for_visitors(page_cache_on, article_data, editor_client):
    editor_client.get(ROLE_PAGE)
    editor_client.get("/admin/")
    assert not page_keys()
    assert Client().get(ROLE_PAGE)["X-Cache"] == "miss"


def test_any_session_cookie_skips_the_cache(page_cache_on, article_data, settings):
    Client().get(ROLE_PAGE)
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = "not-a-real-session"
    assert "X-Cache" not in client.get(ROLE_PAGE)


def test_credentials_skip_the_cache(page_cache_on, article_data):
    Client().get(ROLE_PAGE)
    response = Client().get(ROLE_PAGE, headers={"Authorization": "Basic b3duZXI6cHc="})
    assert "X-Cache" not in response


def test_a_visitor_with_only_a_csrf_cookie_is_still_served_from_the_cache(
    page_cache_on, article_data, settings
):
    client = Client()
    client.get("/admin/login/")  # leaves the CSRF cookie, as a visit to the sign-in page does
    assert settings.CSRF_COOKIE_NAME in client.cookies
    client.get(ROLE_PAGE)
    assert client.get(ROLE_PAGE)["X-Cache"] == "hit"


def test_the_sign_in_lockout_page_is_never_stored(page_cache_on, settings):
    get_user_model().objects.create_superuser("owner", "owner@example.org", "right-password")
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        response = client.post("/admin/login/", {"username": "owner", "password": "wrong"})
    assert response.status_code == 429
    assert "X-Cache" not in response
    again = client.get("/admin/login/")
    assert again.status_code == 200
    assert "X-Cache" not in again
    assert not page_keys()


def local_page(size, expires_in=600):
    body = b"x" * size
    return (page_cache.PAGE_FORMAT, body, (), '"etag"', time.time() + expires_in)


def test_each_worker_keeps_at_most_its_byte_limit_least_recently_used_out_first():
    pages = page_cache.LocalPages()
    assert pages.get(1, "a") is None  # the first lookup sets the version
    for key in "abc":
        pages.put(1, key, local_page(400), limit=1000)
    assert pages.get(1, "a") is None  # the oldest went to make room for "c"
    assert pages.get(1, "b") is not None
    pages.put(1, "d", local_page(400), limit=1000)
    assert pages.get(1, "c") is None  # "b" was used more recently than "c"
    assert pages.get(1, "b") is not None
    assert pages.size <= 1000
    pages.put(1, "huge", local_page(2000), limit=1000)
    assert pages.get(1, "huge") is None


def test_a_new_version_empties_the_worker_s_copies():
    pages = page_cache.LocalPages()
    pages.get(1, "a")
    pages.put(1, "a", local_page(10), limit=1000)
    assert pages.get(2, "a") is None
    assert pages.size == 0
    pages.put(1, "a", local_page(10), limit=1000)  # rendered for the old version: dropped
    assert pages.get(2, "a") is None


def test_an_expired_copy_is_not_served():
    pages = page_cache.LocalPages()
    pages.get(1, "a")
    pages.put(1, "a", local_page(10, expires_in=-1), limit=1000)
    assert pages.get(1, "a") is None
