"""Security headers and CSP compatibility that every environment shares (from base.py).

HTTPS-only behaviour (HSTS, Secure cookies, redirect) is covered under the real
prod settings in test_prod_settings.py.
"""

from collections import deque
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from careerguide import cache as page_cache
from careers.models import Role
from tests.page_parsing import parse, same_site_paths

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


class InlineFinder(HTMLParser):
    """What a page needs that the policy blocks: inline script or style, event-handler
    attributes, javascript: URLs."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and not attrs.get("src"):
            self.found.append("inline <script>")
        if tag == "style":
            self.found.append("inline <style>")
        for name, value in attrs.items():
            if name == "style":
                self.found.append(f"style= on <{tag}>")
            if name.startswith("on"):
                self.found.append(f"{name}= on <{tag}>")
            if (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"javascript: URL on <{tag}>")


def blocked_by_policy(html):
    finder = InlineFinder()
    finder.feed(html)
    return finder.found


def site_pages(client):
    """Every page a visitor reaches by following links from the home page (addresses only, as
    the smoke walk crawls), with its 404."""
    seen, queue = {"/"}, deque(["/"])
    while queue:
        url = queue.popleft()
        response = client.get(url)
        if not response["Content-Type"].startswith("text/html"):
            continue
        yield url, response
        for link in same_site_paths(url, parse(response).links):
            path = link.split("?")[0]
            if not path.startswith(("/admin/", "/static/")) and path not in seen:
                seen.add(path)
                queue.append(path)
    yield "/no-such-page/", client.get("/no-such-page/")


def test_no_page_needs_what_the_policy_blocks(official_data, client, admin_client):
    """A page that relied on inline script or style would silently break under the CSP: every
    page of the site, the API's docs, the editors' admin pages and the error pages, rendered."""
    role = Role.objects.get(slug="machine-learning-engineer")
    pages = dict(site_pages(client))
    pages.update(
        (url, client.get(url))
        for url in ["/careers/?pay_min=lots&sort=bogus", "/faq/?q=paying", reverse("api:docs")]
    )
    pages.update(
        (url, admin_client.get(url))
        for url in [
            reverse("admin:index"),
            reverse("admin:careers_role_changelist"),
            reverse("admin:careers_role_change", args=[role.pk]),
            # Not the history page: django-simple-history's own template has a style= there.
        ]
    )
    pages["500"] = render_to_string("500.html")
    pages["503"] = page_cache.service_unavailable()
    assert len(pages) > 60
    found = {}
    for url, page in pages.items():
        html = page if isinstance(page, str) else page.content.decode()
        if problems := blocked_by_policy(html):
            found[url] = problems
    assert not found


@pytest.mark.django_db
def test_thousands_of_query_parameters_are_refused_not_crashed(client):
    query = "&".join(f"p{i}=1" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
    response = client.get(f"{reverse('careers:role_list')}?{query}")
    assert response.status_code == 400
