"""A database that is slow, silent or refusing costs a request seconds, never a hung worker:
the 503 page, cached pages still served, /healthz within its own limit, and service back by
itself when the database is.

PostgreSQL only (the limits are PostgreSQL's and psycopg2's): skipped on SQLite runs. Requests are
served by one thread that the test waits for, so a regression fails the test instead of hanging
the run.
"""

import socket
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

import pytest
from django.conf import settings
from django.db import connection, connections
from django.test import Client

from careerguide import database
from tests.factories import RoleFactory

from .proxy import SilentProxy
from .urls import SLEEP_SECONDS

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's limits"),
    pytest.mark.django_db(transaction=True),
]

# Far longer than any limit below: only a request that would hang reaches it.
HANG = 60
CALL_DEADLINE = 1
UNCACHED = "/faq/"
# Another uncached page, to open a connection first: a query string the page does not know
# would not do, since the page cache keys /faq/?warm as /faq/ and would store the page.
WARM = "/companies/"
CACHED = "/careers/"


class Worker:
    """One thread serving requests in turn, as a gunicorn worker does: it keeps its own database
    connection between them (Django's connections are per thread)."""

    def __init__(self):
        self.pool = ThreadPoolExecutor(max_workers=1)

    def get(self, path, **kwargs):
        """The response; a test failure if the request still waits after HANG seconds."""
        request = self.pool.submit(Client(raise_request_exception=False).get, path, **kwargs)
        try:
            return request.result(timeout=HANG)
        except FutureTimeout:
            pytest.fail(f"{path}: still waiting for the database after {HANG} s")

    def stop(self):
        self.pool.submit(connections.close_all).result(timeout=HANG)
        self.pool.shutdown()


def assert_503_page(response):
    assert response.status_code == 503, response.content[:500]
    assert 'data-error="503"' in response.content.decode()
    assert int(response["Retry-After"]) > 0


@pytest.fixture
def reconnect():
    """Change the default connection's settings for the test; the next query connects anew."""
    saved = {key: connection.settings_dict[key] for key in ("HOST", "PORT", "CONN_MAX_AGE")}
    saved_options = dict(connection.settings_dict["OPTIONS"])

    def change(options=None, **values):
        connection.close()
        connection.settings_dict.update(values)
        if options is not None:
            connection.settings_dict["OPTIONS"] = {**saved_options, **options}

    yield change
    connection.close()
    connection.settings_dict.update(saved)
    connection.settings_dict["OPTIONS"] = saved_options


@pytest.fixture
def worker():
    serving = Worker()
    yield serving
    serving.stop()


@pytest.fixture
def short_deadline():
    database.install(CALL_DEADLINE)
    yield CALL_DEADLINE
    database.install(settings.DATABASE_CALL_DEADLINE, settings.DATABASE_CONNECT_TIMEOUT)


@pytest.fixture
def site(settings):
    """Two roles, and the page cache on (in this process's memory, as the tests' cache is)."""
    RoleFactory.create_batch(2)
    settings.PAGE_CACHE_SECONDS = 600
    yield settings


@pytest.fixture
def proxy(reconnect):
    server = SilentProxy(
        connection.settings_dict["HOST"] or "127.0.0.1",
        int(connection.settings_dict["PORT"] or 5432),
    )
    yield server
    server.close()


@pytest.mark.parametrize(
    "conn_max_age", [0, None], ids=["a connection per request", "a kept connection"]
)
def test_a_silent_database_costs_a_deadline_not_a_hung_worker(
    site, worker, proxy, reconnect, short_deadline, conn_max_age
):
    reconnect(HOST="127.0.0.1", PORT=proxy.port, CONN_MAX_AGE=conn_max_age)
    for _ in range(2):
        assert worker.get(CACHED).status_code == 200
    assert worker.get(CACHED)["X-Cache"] == "hit"
    assert worker.get(WARM).status_code == 200  # a connection is open (kept or not)

    proxy.silence()
    hit = worker.get(CACHED)
    assert (hit.status_code, hit["X-Cache"]) == (200, "hit")
    assert_503_page(worker.get(UNCACHED))
    assert worker.get("/healthz").status_code == 503

    proxy.resume()
    assert worker.get(UNCACHED).status_code == 200
    assert worker.get("/healthz").status_code == 200


def test_healthz_keeps_its_own_shorter_limit(site, worker, proxy, reconnect, settings):
    """With no call deadline at all, the health check still answers: its own limit ends it."""
    database.install(None)
    try:
        reconnect(HOST="127.0.0.1", PORT=proxy.port, CONN_MAX_AGE=None)
        assert worker.get("/healthz").status_code == 200
        proxy.silence()
        response = worker.get("/healthz")
        assert response.status_code == 503
        assert response.content == b"database unavailable\n"
    finally:
        database.install(settings.DATABASE_CALL_DEADLINE, settings.DATABASE_CONNECT_TIMEOUT)


def test_a_refused_connection_is_the_503_page(site, worker, reconnect, short_deadline):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed_port = sock.getsockname()[1]
    reconnect(HOST="127.0.0.1", PORT=closed_port)
    assert_503_page(worker.get(UNCACHED))
    assert worker.get("/healthz").status_code == 503


def test_a_query_over_the_statement_timeout_is_the_503_page(site, worker, reconnect, settings):
    statement_timeout = 1
    assert statement_timeout < SLEEP_SECONDS
    options = database.connection_options(connect_timeout=3, statement_timeout=statement_timeout)
    reconnect(options=options)
    settings.ROOT_URLCONF = "tests.database.urls"
    assert_503_page(worker.get("/test/slow-query/"))
    # The server cancelled the query and kept the connection: the next page is served.
    assert worker.get(UNCACHED).status_code == 200


def test_the_limits_reach_postgresql(reconnect):
    options = database.connection_options(connect_timeout=3, statement_timeout=2)
    reconnect(options=options)
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone() == ("2s",)
