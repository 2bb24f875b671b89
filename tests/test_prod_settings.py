"""careerguide.settings.prod, exercised for real: in subprocesses with a
production-like environment, since prod.py reads the environment at import."""

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.prod

REPO = Path(__file__).resolve().parent.parent
HOST = "careerguide.example.org"
ONE_YEAR = 31_536_000


def prod_env(**overrides):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key != "DATABASE_URL"
    }
    env.update(
        DJANGO_SETTINGS_MODULE="careerguide.settings.prod",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS=HOST,
    )
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def run(args, env, timeout=120):
    return subprocess.run(
        [sys.executable, *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_deploy_checks_pass_at_warning_level():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], prod_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues (0 silenced)" in result.stdout


def test_deploy_checks_pass_when_the_proxy_does_the_https_redirect():
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        prod_env(DJANGO_SECURE_SSL_REDIRECT="false"),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # Only the redirect check is silenced, and only in this configuration.
    assert "no issues (1 silenced)" in result.stdout


def test_deploy_checks_fail_with_a_weak_secret_key():
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        prod_env(DJANGO_SECRET_KEY="short"),
    )
    assert result.returncode != 0
    assert "security.W009" in result.stderr


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"])
def test_refuses_to_start_without_required_variable(missing):
    result = run(["manage.py", "check"], prod_env(**{missing: None}))
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert missing in lines[0]
    assert "Traceback" not in result.stderr


def test_refuses_a_redirect_flag_it_cannot_read():
    result = run(["manage.py", "check"], prod_env(DJANGO_SECURE_SSL_REDIRECT="maybe"))
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "careerguide: DJANGO_SECURE_SSL_REDIRECT must be true or false, not 'maybe'."
    ]


@pytest.mark.parametrize("value", ["one", "-1", "1.5"])
def test_refuses_a_proxy_count_it_cannot_use(value):
    result = run(["manage.py", "check"], prod_env(DJANGO_PROXY_COUNT=value))
    assert result.returncode != 0
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("careerguide: DJANGO_PROXY_COUNT must be")


def test_a_proxy_count_passes_the_deploy_checks():
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        prod_env(DJANGO_PROXY_COUNT="1", DJANGO_SECURE_SSL_REDIRECT="false"),
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_settings_say_so():
    """generate_synthetic_roles refuses to run where this is set (test_editors_workflow.py)."""
    code = "import django; django.setup(); from django.conf import settings;" + (
        "print(settings.CAREERGUIDE_PRODUCTION)"
    )
    result = run(["-c", code], prod_env())
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_templates_are_compiled_once_per_process():
    """Production renders through Django's cached template loader (its default)."""
    code = (
        "import django; django.setup(); from django.template import engines;"
        "print(type(engines['django'].engine.template_loaders[0]).__module__)"
    )
    result = run(["-c", code], prod_env())
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.template.loaders.cached"


@pytest.fixture(scope="module")
def probe(tmp_path_factory):
    """Responses from tests/prod_probe.py, run under prod settings on a fresh database."""
    tmp = tmp_path_factory.mktemp("prod")
    env = prod_env(
        DATABASE_URL=f"sqlite:///{tmp / 'db.sqlite3'}",
        DJANGO_STATIC_ROOT=str(tmp / "static"),
    )
    for step in (
        ["manage.py", "migrate", "--no-input", "-v0"],
        ["manage.py", "collectstatic", "--no-input", "-v0"],
    ):
        result = run(step, env)
        assert result.returncode == 0, result.stderr
    result = run(["tests/prod_probe.py"], env)
    assert result.returncode == 0, result.stderr
    return {"responses": json.loads(result.stdout), "stderr": result.stderr}


SECURE_PAGES = ["home", "role_list", "faq", "not_found", "server_error", "admin_login"]


@pytest.mark.parametrize("name", SECURE_PAGES)
def test_security_headers_on_every_response(probe, name):
    headers = probe["responses"][name]["headers"]
    hsts = headers["Strict-Transport-Security"]
    max_age = int(re.search(r"max-age=(\d+)", hsts).group(1))
    assert max_age >= ONE_YEAR
    assert "includeSubDomains" in hsts
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    directives = dict(
        part.strip().split(" ", 1) for part in headers["Content-Security-Policy"].split(";")
    )
    assert directives == {
        "default-src": "'self'",
        "script-src": "'self'",
        "style-src": "'self'",
        "img-src": "'self' data:",
        "object-src": "'none'",
        "base-uri": "'none'",
        "frame-ancestors": "'none'",
        "form-action": "'self'",
    }


@pytest.mark.parametrize("name", ["home", "role_list", "faq", "admin_login"])
def test_pages_render_under_prod_settings(probe, name):
    assert probe["responses"][name]["status"] == 200


def test_plain_http_is_redirected_to_https(probe):
    response = probe["responses"]["plain_http"]
    assert response["status"] == 301
    assert response["headers"]["Location"] == f"https://{HOST}/careers/"


def test_csrf_cookie_is_host_locked(probe):
    cookie = probe["responses"]["admin_login"]["cookies"]["__Host-csrftoken"]
    assert cookie["secure"] and cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == "/"
    assert cookie["domain"] == ""


def test_session_cookie_is_host_locked(probe):
    response = probe["responses"]["admin_login_post"]
    assert response["status"] == 302, "the probe's admin login should succeed"
    cookie = response["cookies"]["__Host-sessionid"]
    assert cookie["secure"] and cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == "/"
    assert cookie["domain"] == ""


def test_not_found_is_a_plain_404(probe):
    response = probe["responses"]["not_found"]
    assert response["status"] == 404
    assert "Traceback" not in response["body"]
    assert "urlpatterns" not in response["body"]  # the DEBUG 404 lists the URLconf


def test_server_error_hides_the_error_and_logs_it(probe):
    response = probe["responses"]["server_error"]
    assert response["status"] == 500
    assert "prod-probe deliberate failure" not in response["body"]
    assert "Traceback" not in response["body"]
    # The operator sees it: django.request logs the failure with its traceback to stderr.
    assert "Internal Server Error: /prod-probe-boom/" in probe["stderr"]
    assert "RuntimeError: prod-probe deliberate failure" in probe["stderr"]


@pytest.mark.parametrize("code", ["404", "500", "503"])
def test_error_page_previews_are_absent(probe, code):
    response = probe["responses"][f"preview_{code}"]
    assert response["status"] == 404
    assert 'data-error="404"' in response["body"]


ADMIN_PAGES = [
    "admin_login",
    "admin_index",
    "admin_user_change",
    "admin_user_add",
    "admin_role_add",
]
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style\b|\sstyle\s*=", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)


@pytest.mark.parametrize("name", ADMIN_PAGES)
def test_admin_pages_need_nothing_the_policy_blocks(probe, name):
    """The CSP allows no inline script, style or event handler: the admin must not use any."""
    if name not in probe["responses"]:
        pytest.skip("the Role admin is not registered")
    response = probe["responses"][name]
    assert response["status"] == 200
    assert "Content-Security-Policy" in response["headers"]
    body = response["body"]
    assert not INLINE_SCRIPT.findall(body)
    assert not INLINE_STYLE.findall(body)
    assert not INLINE_HANDLER.findall(body)
