"""Security headers and CSP compatibility that every environment shares (from base.py).

HTTPS-only behaviour (HSTS, Secure cookies, redirect) is covered under the real
prod settings in test_prod_settings.py.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

REPO = Path(__file__).resolve().parent.parent
PUBLIC_PAGES = ["careers:home", "careers:role_list", "faq:list"]


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", [*PUBLIC_PAGES, "admin:login"])
def test_shared_security_headers(client, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp


@pytest.mark.django_db
def test_404_page_also_carries_the_policy(client):
    response = client.get("/no-such-page-anywhere/")
    assert response.status_code == 404
    assert "Content-Security-Policy" in response


def test_policy_allows_nothing_inline_or_evaluated():
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    for sources in directives.values():
        assert "'unsafe-inline'" not in sources
        assert "'unsafe-eval'" not in sources
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]


@pytest.mark.django_db
def test_csrf_cookie_is_http_only_and_same_site(client):
    response = client.get(reverse("admin:login"))
    cookie = response.cookies[settings.CSRF_COOKIE_NAME]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"


def _project_templates():
    dirs = [REPO / "templates", *REPO.glob("*/templates")]
    return sorted({path for d in dirs for path in d.rglob("*.html") if ".venv" not in path.parts})


INLINE = {
    "inline <script>": re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE),
    "inline style": re.compile(r"<style\b|\sstyle\s*=", re.IGNORECASE),
    "inline event handler": re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE),
    "javascript: URL": re.compile(r"javascript:", re.IGNORECASE),
}


@pytest.mark.parametrize("template", _project_templates(), ids=lambda p: str(p.relative_to(REPO)))
def test_templates_need_nothing_the_policy_blocks(template):
    """A template that relies on inline script or style would silently break under the CSP."""
    text = template.read_text(encoding="utf-8")
    found = [what for what, pattern in INLINE.items() if pattern.search(text)]
    assert not found, f"{template.relative_to(REPO)} uses {', '.join(found)}"


@pytest.mark.django_db
def test_thousands_of_query_parameters_are_refused_not_crashed(client):
    query = "&".join(f"p{i}=1" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
    response = client.get(f"{reverse('careers:role_list')}?{query}")
    assert response.status_code == 400
