"""The production settings under gunicorn (gunicorn.conf.py, two workers, kept connections)
with a PostgreSQL that goes silent behind a proxy: cached pages 200, the rest the 503 page,
/healthz 503, no worker killed by gunicorn's timeout, and service back by itself.

PostgreSQL only (DATABASE_URL's server): skipped on SQLite runs.
"""

import os
from contextlib import contextmanager

import dj_database_url
import pytest

from tests.cache.servers import Gunicorn, manage, prod_env

from .proxy import SilentProxy

pytestmark = pytest.mark.slow

ROLE_PAGE = "/careers/machine-learning-engineer/"
UNCACHED = "/faq/"
# Another uncached page, to open a connection first: a query string the page does not know
# would not do, since the page cache keys /faq/?warm as /faq/ and would store the page.
WARM = "/companies/"
# Longer than any database limit of the production settings, shorter than gunicorn's timeout:
# a request still waiting then is one the limits did not end.
PATIENCE = 20


def postgres():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        pytest.skip("needs PostgreSQL (DATABASE_URL)")
    config = dj_database_url.parse(url)
    return {
        "host": config.get("HOST") or "127.0.0.1",
        "port": int(config.get("PORT") or 5432),
        "user": config.get("USER") or "postgres",
        "password": config.get("PASSWORD") or "",
        "name": f"{config.get('NAME')}_silent",
    }


@contextmanager
def admin_cursor(server):
    import psycopg2

    connection = psycopg2.connect(
        dbname="postgres",
        host=server["host"],
        port=server["port"],
        user=server["user"],
        password=server["password"],
    )
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            yield cursor
    finally:
        connection.close()


def drop_and_create(server, create):
    from psycopg2 import sql

    with admin_cursor(server) as cursor:
        name = sql.Identifier(server["name"])
        cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        if create:
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(name))


@pytest.fixture(scope="module")
def deployment(tmp_path_factory):
    server = postgres()
    tmp = tmp_path_factory.mktemp("silent-database")
    drop_and_create(server, create=True)
    proxy = SilentProxy(server["host"], server["port"])
    credentials = server["user"] + (f":{server['password']}" if server["password"] else "")
    env = prod_env(
        DATABASE_URL=f"postgres://{credentials}@127.0.0.1:{proxy.port}/{server['name']}",
        DJANGO_STATIC_ROOT=tmp / "static",
        DJANGO_CACHE_DIR=tmp / "cache",
        DJANGO_PAGE_CACHE_SECONDS=600,
    )
    gunicorn = None
    try:
        manage(env, "migrate", "--no-input")
        manage(env, "load_initial_data")
        manage(env, "collectstatic", "--no-input")
        gunicorn = Gunicorn(env, tmp / "gunicorn.log")
        yield gunicorn, proxy
    finally:
        if gunicorn is not None:
            gunicorn.stop()
        proxy.close()
        drop_and_create(server, create=False)


def test_a_silent_database_under_gunicorn(deployment):
    gunicorn, proxy = deployment
    for _ in range(4):  # both workers hold the page, and each has a connection open
        assert gunicorn.get(ROLE_PAGE).status == 200
        assert gunicorn.get(WARM).status == 200
    assert gunicorn.get(ROLE_PAGE).header("X-Cache") == "hit"

    proxy.silence()
    for _ in range(2):  # each worker, with its open connection gone silent
        cached = gunicorn.get(ROLE_PAGE, timeout=PATIENCE)
        assert (cached.status, cached.header("X-Cache")) == (200, "hit")
        uncached = gunicorn.get(UNCACHED, timeout=PATIENCE)
        assert uncached.status == 503, uncached.text[:500]
        assert 'data-error="503"' in uncached.text
        assert gunicorn.get("/healthz", timeout=PATIENCE).status == 503

    proxy.resume()
    for _ in range(4):
        assert gunicorn.get(UNCACHED).status == 200
    assert gunicorn.get("/healthz").status == 200
    log = gunicorn.log_text()
    assert "WORKER TIMEOUT" not in log
    assert "Internal Server Error" not in log
