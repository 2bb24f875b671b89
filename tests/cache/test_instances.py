"""Two gunicorn instances (prod settings, two workers each) sharing one database and one cache
stay consistent: an edit through one shows on the very next request to the other.

Run twice: with Redis and PostgreSQL (skipped when they are not reachable, a failure in CI),
and with the defaults that need nothing installed (files and SQLite on one machine). The
database goes through a TCP proxy, or lives in a folder, that the tests can take away.
"""

import os
import socket
from contextlib import contextmanager

import dj_database_url
import pytest

from .forms import form_fields
from .servers import Browser, Gunicorn, TcpProxy, free_port, manage, prod_env

pytestmark = pytest.mark.instances

ROLE_SLUG = "machine-learning-engineer"
ROLE_PAGE = f"/careers/{ROLE_SLUG}/"
ROLE_LIST = "/careers/"
REDIS_DB = 6
PASSWORD = "instances-Password-2718"


def in_ci():
    return os.environ.get("CI", "").lower() == "true"


def unavailable(message):
    if in_ci():
        pytest.fail(f"{message}, and CI=true requires the multi-instance tests")
    pytest.skip(message)


def reachable(host, port):
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def postgres_server():
    """Where the PostgreSQL tests run (DATABASE_URL's server, or the local default)."""
    url = os.environ.get("DATABASE_URL", "")
    config = dj_database_url.parse(url) if url.startswith("postgres") else {}
    return {
        "host": config.get("HOST") or "127.0.0.1",
        "port": int(config.get("PORT") or 5432),
        "user": config.get("USER") or "postgres",
        "password": config.get("PASSWORD") or "",
        "name": f"{config.get('NAME') or 'careerguide'}_instances",
    }


@contextmanager
def postgres_admin(server):
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


def recreate_database(server):
    from psycopg2 import sql

    with postgres_admin(server) as cursor:
        name = sql.Identifier(server["name"])
        cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(name))


def drop_database(server):
    from psycopg2 import sql

    with postgres_admin(server) as cursor:
        name = sql.Identifier(server["name"])
        cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))


def delete_redis_keys(prefix):
    """This run's keys only: other runs may share the Redis database."""
    import redis

    client = redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DB, socket_timeout=2)
    for key in client.scan_iter(match=f"{prefix}:*", count=1000):
        client.delete(key)


class Deployment:
    def __init__(self, mode, env, tmp):
        self.mode = mode
        self.env = env
        self.tmp = tmp
        self.servers = []

    def start(self, name, **env_overrides):
        server = Gunicorn({**self.env, **env_overrides}, self.tmp / f"{name}.log")
        self.servers.append(server)
        return server

    def stop(self):
        for server in self.servers:
            server.stop()


@pytest.fixture(scope="module", params=["redis-postgresql", "files-sqlite"])
def deployment(request, tmp_path_factory):
    mode = request.param
    tmp = tmp_path_factory.mktemp(mode)
    cleanup = []
    if mode == "redis-postgresql":
        server = postgres_server()
        if not reachable(server["host"], server["port"]):
            unavailable(f"PostgreSQL is not reachable on {server['host']}:{server['port']}")
        if not reachable("127.0.0.1", 6379):
            unavailable("Redis is not reachable on 127.0.0.1:6379")
        recreate_database(server)
        cleanup.append(lambda: drop_database(server))
        proxy = TcpProxy(server["host"], server["port"])
        cleanup.append(proxy.cut)
        credentials = server["user"] + (f":{server['password']}" if server["password"] else "")
        database_url = f"postgres://{credentials}@127.0.0.1:{proxy.port}/{server['name']}"
        extra = {"REDIS_URL": f"redis://127.0.0.1:6379/{REDIS_DB}"}

        @contextmanager
        def database_down():
            proxy.cut()
            try:
                yield
            finally:
                proxy.start()

    else:
        folder = tmp / "database"
        folder.mkdir()
        database_url = f"sqlite:///{folder / 'site.sqlite3'}"
        # Each request opens the file afresh, so taking the folder away takes the database away.
        extra = {"DJANGO_CACHE_DIR": tmp / "cache", "DJANGO_CONN_MAX_AGE": 0}

        @contextmanager
        def database_down():
            away = tmp / "database-away"
            folder.rename(away)
            try:
                yield
            finally:
                away.rename(folder)

    env = prod_env(
        DATABASE_URL=database_url,
        DJANGO_STATIC_ROOT=tmp / "static",
        DJANGO_PAGE_CACHE_SECONDS=600,
        **extra,
    )
    site = Deployment(mode, env, tmp)
    site.database_down = database_down
    if mode == "redis-postgresql":
        # Keys are namespaced by the database (whose proxy port is new each run).
        code = "from django.conf import settings; print(settings.CACHE_KEY_PREFIX)"
        prefix = manage(env, "shell", "-c", code).split()[-1]
        cleanup.append(lambda: delete_redis_keys(prefix))
    try:
        manage(env, "migrate", "--no-input")
        manage(env, "load_initial_data")
        manage(env, "collectstatic", "--no-input")
        manage(
            {**env, "DJANGO_SUPERUSER_PASSWORD": PASSWORD},
            "createsuperuser",
            "--no-input",
            "--username=owner",
            "--email=owner@example.org",
        )
        site.a = site.start("a")
        site.b = site.start("b")
        yield site
    finally:
        site.stop()
        for step in reversed(cleanup):
            step()


def visit(server, path, **kwargs):
    response = server.get(path, **kwargs)
    assert response.status == 200, f"{path}: {response.status} {response.text[:500]}"
    return response


def warm(deployment, *paths):
    """Every worker of both instances holds each page (two workers: a few visits each)."""
    for path in paths:
        for server in (deployment.a, deployment.b):
            for _ in range(4):
                visit(server, path)
            assert visit(server, path).header("X-Cache") == "hit"


def role_pk(deployment):
    code = f"from careers.models import Role; print(Role.objects.get(slug='{ROLE_SLUG}').pk)"
    return int(manage(deployment.env, "shell", "-c", code).split()[-1])


def test_a_page_rendered_by_one_instance_is_a_hit_on_the_other(deployment):
    path = ROLE_LIST + "?sort=-pay"
    first = visit(deployment.a, path)
    assert first.header("X-Cache") == "miss"
    other = visit(deployment.b, path)
    assert other.header("X-Cache") == "hit"
    assert other.body == first.body
    assert other.header("ETag") == first.header("ETag")
    assert other.header("Content-Security-Policy") == first.header("Content-Security-Policy")


def test_an_edit_in_the_admin_of_one_instance_shows_on_the_other(deployment):
    warm(deployment, ROLE_PAGE, ROLE_LIST)
    editor = Browser(deployment.a.port)
    editor.sign_in("owner", PASSWORD)
    change = f"/admin/careers/role/{role_pk(deployment)}/change/"
    page = editor.request(change)
    assert page.status == 200
    title = f"Machine Learning Engineer, edited on A ({deployment.mode})"
    fields = [(k, v) for k, v in form_fields(page.text, "role_form") if k != "title"]
    response = editor.request(change, method="POST", form=[*fields, ("title", title)])
    assert response.status == 302, response.text[:3000]

    # The very next request to the other instance, and every one after, on every worker.
    for server in (deployment.b, deployment.b, deployment.b, deployment.a, deployment.a):
        for path in (ROLE_PAGE, ROLE_LIST):
            assert title in visit(server, path).text, (server.port, path)


def test_a_command_run_beside_the_instances_shows_on_both(deployment):
    path = ROLE_LIST + "?q=synthetic"
    warm(deployment, path)
    assert "Synthetic" not in visit(deployment.b, path).text
    # A throwaway database under the production settings.
    manage(deployment.env, "generate_synthetic_roles", "2", "--allow-production")
    for server in (deployment.b, deployment.a, deployment.b, deployment.a):
        assert "Synthetic" in visit(server, path).text


def test_head_and_conditional_get_through_gunicorn(deployment):
    warm(deployment, ROLE_PAGE)
    get = visit(deployment.b, ROLE_PAGE)
    head = deployment.b.get(ROLE_PAGE, method="HEAD")
    assert (head.status, head.header("X-Cache"), head.body) == (200, "hit", b"")
    assert head.header("Content-Length") == get.header("Content-Length")
    for server in (deployment.a, deployment.b):
        response = server.get(ROLE_PAGE, headers={"If-None-Match": get.header("ETag")})
        assert (response.status, response.body) == (304, b"")


def test_with_the_database_down_cached_pages_are_served_and_the_rest_answer_503(deployment):
    warm(deployment, ROLE_PAGE, ROLE_LIST)
    with deployment.database_down():
        for server in (deployment.a, deployment.b):
            for path in (ROLE_PAGE, ROLE_LIST):
                response = server.get(path)
                assert (response.status, response.header("X-Cache")) == (200, "hit")
            response = server.get("/faq/?not-cached-yet")
            assert response.status == 503, response.text[:1000]
            assert int(response.header("Retry-After")) > 0
            assert 'data-error="503"' in response.text
            assert server.get("/healthz").status == 503
    for server in (deployment.a, deployment.b):
        assert "Internal Server Error" not in server.log_text()
        visit(server, "/faq/?not-cached-yet")  # back as soon as the database is


@pytest.mark.parametrize("deployment", ["redis-postgresql"], indirect=True)
def test_with_redis_unreachable_an_instance_answers_from_the_database(deployment):
    server = deployment.start("no-redis", REDIS_URL=f"redis://127.0.0.1:{free_port()}/{REDIS_DB}")
    # (How often it waits on Redis is tests/cache/test_failures.py's: it counts connections.)
    for _ in range(20):
        response = visit(server, ROLE_PAGE)
        assert response.header("X-Cache") is None
    assert "Page cache: the shared cache failed" in server.log_text()
    assert "Internal Server Error" not in server.log_text()
