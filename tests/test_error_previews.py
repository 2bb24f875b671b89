"""The site's own 404, 500 and 503 pages, previewable in development (/404/, /500/, /503/),
where DEBUG otherwise shows Django's technical pages; absent from the URLs tests and
production use."""

import pytest
from django.test import override_settings
from django.urls import Resolver404, resolve

from careerguide.settings import base as base_settings
from careerguide.settings import dev as dev_settings
from tests.page_parsing import parse

PREVIEWS = ["/404/", "/500/", "/503/"]

in_development = override_settings(ROOT_URLCONF=dev_settings.ROOT_URLCONF, DEBUG=dev_settings.DEBUG)


@in_development
def test_the_404_preview_is_the_real_404_page(db, client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/404/")
    assert response.status_code == 404
    assert [t.name for t in response.templates][0] == "404.html"
    # page_not_found's own context: the path asked for.
    assert response.context["request_path"] == "/404/"
    page = parse(response)
    assert ("div", {"class": "error-page", "data-error": "404"}) in page.tags
    assert {"/careers/", "/skills/", "/path/", "/companies/", "/faq/", "/about/"} <= set(page.links)
    # Not Django's technical 404, which lists the URL patterns.
    assert "urlpatterns" not in response.text


@in_development
@pytest.mark.parametrize(("url", "status"), [("/500/", 500), ("/503/", 503)])
def test_the_500_and_503_previews_are_the_real_pages(db, client, url, status):
    response = client.get(url)
    assert response.status_code == status
    page = parse(response)
    assert ("div", {"class": "error-page", "data-error": str(status)}) in page.tags
    assert page.count("h1") == 1
    assert "Traceback" not in response.text
    if status == 503:
        assert int(response["Retry-After"]) > 0


def test_development_settings_debug_and_use_the_preview_urls():
    assert dev_settings.DEBUG is True
    for url in PREVIEWS:
        resolve(url, urlconf=dev_settings.ROOT_URLCONF)


@pytest.mark.parametrize("url", PREVIEWS)
def test_absent_where_production_and_tests_route(db, client, url):
    # prod.py keeps base's URLconf (tests/test_prod_settings.py asks the real prod settings).
    with pytest.raises(Resolver404):
        resolve(url, urlconf=base_settings.ROOT_URLCONF)
    response = client.get(url)
    assert response.status_code == 404
    assert response.context["request_path"] == url
