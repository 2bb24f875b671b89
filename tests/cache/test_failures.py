"""The page cache is an accelerator, never a single point of failure.

Redis down or silent: pages come from the database, a warning is logged, the wait is bounded.
The database down: cached pages are still served; the rest answer 503 with Retry-After.
"""

import logging
import os
import socket
from unittest import mock

import pytest
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import InterfaceError, OperationalError, connection
from django.test import Client
from django_redis import get_redis_connection

from careerguide import cache as page_cache

from .conftest import content_version

pytestmark = pytest.mark.django_db

ROLE_LIST = "/careers/"
ROLE_PAGE = "/careers/machine-learning-engineer/"
# The same short timeouts as careerguide/settings/base.py gives the Redis cache.
REDIS_OPTIONS = {"SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.25}
REDIS_DB = 5


# Other test runs may share the Redis database: this run's keys only, never FLUSHDB.
KEY_PREFIX = f"cg-tests-{os.getpid()}"


def redis_cache(settings, port, db=REDIS_DB):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/{db}",
            "KEY_PREFIX": KEY_PREFIX,
            "OPTIONS": REDIS_OPTIONS,
        }
    }


@pytest.fixture
def closed_port():
    """A port nothing listens on: connecting is refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def silent_listener():
    """A socket that accepts connections and never answers: only a timeout ends the wait."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(64)
        yield sock


@pytest.fixture
def silent_port(silent_listener):
    return silent_listener.getsockname()[1]


def connections_made(listener):
    """How many connections reached the silent listener since last asked: each one is a wait
    of a socket timeout for a visitor."""
    listener.setblocking(False)
    count = 0
    while True:
        try:
            listener.accept()[0].close()
        except BlockingIOError:
            return count
        count += 1


def cache_warnings(caplog):
    return [
        record
        for record in caplog.records
        if record.name == "careerguide.cache" and record.levelno == logging.WARNING
    ]


def visits(url, count):
    return [Client().get(url) for _ in range(count)]


@pytest.mark.parametrize("port_fixture", ["closed_port", "silent_port"])
def test_with_redis_unreachable_pages_come_from_the_database(
    page_cache_on, article_data, caplog, request, port_fixture
):
    redis_cache(page_cache_on, request.getfixturevalue(port_fixture))
    caplog.set_level(logging.WARNING, logger="careerguide.cache")
    responses = visits(ROLE_LIST, 10)
    assert [response.status_code for response in responses] == [200] * 10
    assert all("X-Cache" not in response for response in responses)
    assert b"Machine Learning Engineer" in responses[-1].content
    [warning] = cache_warnings(caplog)
    assert "pages come from the database" in warning.getMessage()


def test_a_silent_redis_costs_one_timeout_per_back_off(
    page_cache_on, article_data, silent_listener, silent_port, monkeypatch
):
    redis_cache(page_cache_on, silent_port)
    monkeypatch.setattr(page_cache, "BACKOFF_SECONDS", 600)  # however slow the machine
    [first] = visits(ROLE_PAGE, 1)
    assert first.status_code == 200
    assert connections_made(silent_listener) >= 1  # it did try Redis, and wait...
    rest = visits(ROLE_PAGE, 5)
    assert [response.status_code for response in rest] == [200] * 5
    assert connections_made(silent_listener) == 0  # ...and not again for each of five visits


def test_redis_is_tried_again_after_the_back_off(
    page_cache_on, article_data, closed_port, caplog, monkeypatch
):
    redis_cache(page_cache_on, closed_port)
    monkeypatch.setattr(page_cache, "BACKOFF_SECONDS", 0)
    caplog.set_level(logging.WARNING, logger="careerguide.cache")
    visits(ROLE_PAGE, 3)
    assert len(cache_warnings(caplog)) == 3


def test_an_edit_made_while_the_cache_was_down_is_announced_when_it_is_back(
    page_cache_on, article_data, monkeypatch, caplog
):
    Client().get(ROLE_PAGE)
    before = content_version()
    monkeypatch.setattr(page_cache, "BACKOFF_SECONDS", 0)
    with mock.patch.object(LocMemCache, "set", side_effect=ConnectionError("cache down")):
        page_cache.bump_content_version()
    assert page_cache.shared_state.bump_pending
    assert any(record.levelno == logging.ERROR for record in caplog.records)
    assert content_version() == before  # the bump did not reach the cache
    response = Client().get(ROLE_PAGE)  # the first lookup once it answers again
    assert response["X-Cache"] == "miss"
    assert content_version() != before
    assert not page_cache.shared_state.bump_pending


# --- The database down -----------------------------------------------------------------------


@pytest.fixture
def database_down():
    def down(*args, **kwargs):
        raise OperationalError("could not connect to server: Connection refused")

    return mock.patch.object(connection, "cursor", side_effect=down)


def test_with_the_database_down_cached_pages_are_still_served(
    page_cache_on, article_data, database_down
):
    for url in (ROLE_LIST, ROLE_PAGE):
        Client().get(url)
    with database_down:
        for url in (ROLE_LIST, ROLE_PAGE):
            response = Client().get(url)
            assert (response.status_code, response["X-Cache"]) == (200, "hit")


def test_with_the_database_down_other_pages_answer_503(page_cache_on, article_data, database_down):
    with database_down:
        response = Client().get("/faq/")
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "no-store" in response["Cache-Control"]
    body = response.content.decode()
    assert 'data-error="503"' in body
    assert "Temporarily unavailable" in body
    # The same security headers as any page.
    assert response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    # Not kept: once the database is back, the page is the page.
    assert Client().get("/faq/").status_code == 200


def test_with_the_database_down_and_the_cache_off_pages_answer_503(article_data, database_down):
    with database_down:
        response = Client().get(ROLE_PAGE)
    assert response.status_code == 503
    assert "Retry-After" in response


def test_with_the_database_down_the_admin_answers_503(page_cache_on, admin_client, database_down):
    with database_down:
        response = admin_client.get("/admin/careers/role/")
    assert response.status_code == 503
    assert "Retry-After" in response


@pytest.mark.parametrize(
    ("path", "status"), [("/test/database-down/", 503), ("/test/database-bug/", 500)]
)
def test_only_an_unreachable_database_is_a_503(page_cache_on, settings, path, status):
    settings.ROOT_URLCONF = "tests.cache.urls"
    response = Client(raise_request_exception=False).get(path)
    assert response.status_code == status


def test_with_debug_on_the_developer_sees_the_database_error(settings):
    settings.ROOT_URLCONF = "tests.cache.urls"
    settings.DEBUG = True
    response = Client(raise_request_exception=False).get("/test/database-down/")
    assert response.status_code == 500
    assert b"Connection refused" in response.content


def test_a_connection_lost_mid_request_is_a_503(page_cache_on, article_data):
    with mock.patch.object(connection, "cursor", side_effect=InterfaceError("connection closed")):
        assert Client().get(ROLE_PAGE).status_code == 503


def test_the_503_page_stands_alone(database_down):
    """It cannot lean on what may be down: no database, and no URL or static lookup (base.html
    needs both), in it or in what it extends or includes."""

    def needed(*args, **kwargs):
        raise AssertionError("the 503 page looked something up")

    with (
        database_down,
        mock.patch("django.template.defaulttags.URLNode.render", side_effect=needed),
        mock.patch("django.templatetags.static.StaticNode.handle_simple", side_effect=needed),
    ):
        response = page_cache.service_unavailable()
    assert response.status_code == 503
    html = response.content.decode()
    assert 'data-error="503"' in html  # the site's own page, not the bare fallback
    assert "<h1>Temporarily unavailable</h1>" in html


def test_the_503_page_needs_no_database(database_down):
    with database_down:
        response = page_cache.service_unavailable()
    assert response.status_code == 503
    assert b'data-error="503"' in response.content


# --- Redis itself -----------------------------------------------------------------------------


def redis_reachable():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.fixture
def real_redis(page_cache_on):
    if not redis_reachable():
        message = "Redis is not reachable on 127.0.0.1:6379"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    redis_cache(page_cache_on, 6379)
    cache = caches["default"]
    client = get_redis_connection()

    def delete_keys():
        for key in client.scan_iter(match=f"{KEY_PREFIX}:*"):
            client.delete(key)

    delete_keys()
    yield cache
    delete_keys()


def test_pages_are_cached_in_redis(real_redis, article_data):
    miss = Client().get(ROLE_PAGE)
    page_cache.local_pages.clear()
    hit = Client().get(ROLE_PAGE)
    assert (miss["X-Cache"], hit["X-Cache"]) == ("miss", "hit")
    assert hit.content == miss.content
    assert real_redis.get(page_cache.VERSION_KEY) is not None


def test_one_redis_client_is_reused(real_redis):
    assert get_redis_connection() is get_redis_connection()
