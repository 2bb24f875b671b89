"""Odd requests answer 4xx, never 500; NUL characters are never echoed; HEAD works wherever GET
does (issue 16, "the small ones")."""

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse

from careers.models import Role
from tests.test_smoke import PAGE_STATES, STATIC_PAGES, detail_urls, pay_urls

pytestmark = pytest.mark.django_db

API_PAGES = [
    "/api/v1/roles/",
    "/api/v1/roles/?q=engineer&sort=-pay",
    "/api/v1/roles/machine-learning-engineer/",
    "/api/v1/skills/",
    "/api/v1/companies/",
    "/api/v1/faq/",
    "/api/v1/schema/",
    "/api/v1/docs/",
    "/api/v1/docs/?script",
]
OTHER_PAGES = [
    "/healthz",
    "/robots.txt",
    "/sitemap.xml",
    "/careers/export.csv",
    "/careers/export.csv?q=engineer",
    "/faq/export.csv",
    "/admin/login/",
]


def public_urls():
    return [
        *[reverse(name) for name in STATIC_PAGES],
        *detail_urls(),
        *pay_urls(),
        *PAGE_STATES,
        *API_PAGES,
        *OTHER_PAGES,
    ]


@pytest.fixture
def browser():
    """A client that answers like the server does: an exception is the 500 page, not raised."""
    return Client(raise_request_exception=False)


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


# --- The API schema's `version` parameter -----------------------------------------------------


@pytest.mark.parametrize(
    "version", ["\n", "1\r\n", "\x01", "\x7f", "1\u2028", "2", "x" * 300, "", " 1"]
)
def test_a_version_that_is_not_the_apis_is_a_404(browser, version):
    response = browser.get("/api/v1/schema/", {"version": version})
    assert response.status_code == 404
    assert "Invalid version" in response.json()["detail"]


@pytest.mark.parametrize("query", [{}, {"version": "1"}])
def test_the_schema_answers_with_or_without_its_own_version(browser, query):
    response = browser.get("/api/v1/schema/", query)
    assert response.status_code == 200
    assert response.json()["info"]["version"].startswith("1")
    assert response["Content-Disposition"].startswith('inline; filename="careerguide API')


# --- OPTIONS ------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/api/v1/docs/", "/api/v1/docs/?script", "/api/v1/schema/"])
def test_options_on_the_api_docs_lists_the_methods(browser, url):
    response = browser.options(url)
    assert response.status_code == 200
    assert "GET" in response["Allow"]


def test_options_is_never_a_500_on_a_public_page(article_data, browser):
    answers = {url: browser.options(url).status_code for url in public_urls()}
    assert {url: code for url, code in answers.items() if code >= 500} == {}
    # Pages answer it (200) or refuse it (405); nothing else.
    assert set(answers.values()) <= {200, 405}


# --- Sign-in ------------------------------------------------------------------------------


@pytest.mark.parametrize("length", [151, 256, 300, 5000])
def test_a_username_longer_than_any_account_is_a_form_error_and_no_attempt(browser, length):
    response = browser.post(reverse("admin:login"), {"username": "a" * length, "password": "x"})
    assert response.status_code == 200
    assert "A username has at most 150 characters." in response.content.decode()
    # Nothing reached authenticate(): django-axes stored no attempt (its column holds 255).
    assert not AccessAttempt.objects.exists()


def test_a_username_of_the_longest_length_is_still_an_ordinary_failed_sign_in(browser):
    response = browser.post(reverse("admin:login"), {"username": "a" * 150, "password": "x"})
    assert response.status_code == 200
    assert "A username has at most" not in response.content.decode()
    assert AccessAttempt.objects.get().username == "a" * 150


# --- NUL characters -------------------------------------------------------------------------

# Every parameter a public page reads, and one none does.
PARAMETERS = [
    "q",
    "find",
    "skill",
    "stage",
    "company",
    "pay_min",
    "pay_max",
    "sort",
    "area",
    "basis",
    "page",
    "have",
    "role",
    "next",
    "version",
    "utm_source",
]


def test_a_nul_in_any_parameter_of_any_public_page_is_never_echoed_nor_a_500(
    official_data, browser
):
    echoed, failed = [], []
    for url in public_urls():
        separator = "&" if "?" in url else "?"
        for query in [f"{name}=a%00b" for name in PARAMETERS] + ["x%00=1"]:
            response = browser.get(f"{url}{separator}{query}")
            if response.status_code >= 500:
                failed.append(f"{url}{separator}{query}")
            if b"\x00" in body(response):
                echoed.append(f"{url}{separator}{query}")
    assert failed == []
    assert echoed == []


@pytest.mark.parametrize("path", ["/careers/a%00b/", "/faq/%00", "/admin/%00/", "/%00"])
def test_a_nul_in_the_path_is_a_404_that_echoes_nothing(browser, path):
    response = browser.get(path)
    assert response.status_code in (302, 404)  # the admin sends visitors to sign in first
    assert b"\x00" not in response.content


def test_the_areas_page_drops_a_carried_filter_with_a_nul(official_data, browser):
    # The areas page carries the role list's filters back in hidden inputs, as sent.
    response = browser.get("/areas/", {"find": "ca", "skill": "python", "q": "a\x00b"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="skill" value="python"' in html
    assert 'name="q"' not in html


@pytest.mark.parametrize("next_address", ["/admin/\x00", "a\x00b", "/admin/\r\n"])
def test_the_sign_in_page_drops_a_next_address_with_a_control_character(browser, next_address):
    for response in (
        browser.get(reverse("admin:login"), {"next": next_address}),
        browser.post(
            reverse("admin:login"), {"username": "x", "password": "y", "next": next_address}
        ),
    ):
        assert response.status_code == 200
        assert b"\x00" not in response.content
        assert '<input type="hidden" name="next" value="">' in response.content.decode()
    ordinary = browser.get(reverse("admin:login"), {"next": "/admin/careers/"})
    assert 'name="next" value="/admin/careers/"' in ordinary.content.decode()


# --- HEAD ---------------------------------------------------------------------------------


def test_head_answers_wherever_get_does_with_no_body(official_data, browser):
    differing = {}
    for url in public_urls():
        get, head = browser.get(url), browser.head(url)
        if head.status_code != get.status_code or body(head):
            differing[url] = (get.status_code, head.status_code)
    assert differing == {}


def test_head_healthz_is_ok(browser):
    response = browser.head("/healthz")
    assert response.status_code == 200
    assert response.content == b""
    assert "no-store" in response["Cache-Control"]


def test_head_on_an_api_detail_matches_get(article_data, browser):
    role = Role.objects.published().first()
    url = f"/api/v1/roles/{role.slug}/"
    assert browser.head(url).status_code == browser.get(url).status_code == 200
