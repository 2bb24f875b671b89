"""What the production settings and gunicorn.conf.py give PostgreSQL and gunicorn, read in
subprocesses as a deployment would start them (nothing here connects to a database)."""

import json
import re
import subprocess
import sys

from tests.cache.servers import REPO, prod_env

DATABASE_URL = "postgres://app@db.example.org:5432/careerguide?sslmode=require"
READ = (
    "import json, django; django.setup(); from django.conf import settings; "
    "print(json.dumps(settings.DATABASES['default']['OPTIONS']))"
)


def options(args, **env):
    result = subprocess.run(
        [sys.executable, *args],
        cwd=REPO,
        env=prod_env(DATABASE_URL=DATABASE_URL, **env),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_served_connections_have_every_limit_and_keep_the_url_s_own_options():
    served = options(["-c", READ])
    assert served["options"] == "-c jit=off -c statement_timeout=4000"
    assert served["connect_timeout"] == 3
    assert served["keepalives"] == 1
    assert served["tcp_user_timeout"] > 0
    assert served["sslmode"] == "require"


def test_the_limits_follow_the_environment():
    served = options(["-c", READ], DJANGO_DB_STATEMENT_TIMEOUT="9", DJANGO_DB_CONNECT_TIMEOUT="1")
    assert "statement_timeout=9000" in served["options"]
    assert served["connect_timeout"] == 1


def test_commands_run_without_the_statement_timeout_but_with_jit_off():
    command = options(["manage.py", "shell", "-c", READ])
    assert command["options"] == "-c jit=off"
    assert command["keepalives"] == 1


def gunicorn_config(**env):
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "--print-config", "careerguide.wsgi"],
        cwd=REPO,
        env=prod_env(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return dict(re.findall(r"^(\w+)\s+= (.*)$", result.stdout, re.M))


def test_gunicorn_trusts_no_forwarded_path_and_only_loopback_by_default():
    config = gunicorn_config()
    assert config["forwarder_headers"] == "[]"
    assert config["forwarded_allow_ips"] == "['127.0.0.1', '::1']"
    assert config["secure_scheme_headers"] == "{'X-FORWARDED-PROTO': 'https'}"
    assert int(config["graceful_timeout"]) > 0
    # Every database limit ends a request long before gunicorn would kill its worker.
    assert int(config["timeout"]) > 4 + 5 + 3


def test_gunicorn_s_forwarded_addresses_and_workers_follow_the_environment():
    config = gunicorn_config(GUNICORN_FORWARDED_ALLOW_IPS="192.0.2.10", WEB_CONCURRENCY="3")
    assert config["forwarded_allow_ips"] == "['192.0.2.10']"
    assert config["workers"] == "3"
