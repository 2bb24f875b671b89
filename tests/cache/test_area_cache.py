"""The visitor's area and the page cache: the area is in the URL and in the key, never in a
cookie or a `Vary`, so each area's page is stored under its own URL and no other."""

import re

import pytest
from django.core.cache import caches
from django.test import Client

pytestmark = pytest.mark.django_db

ROLE = "/careers/data-scientist/"
AREA_PAGES = [
    "/",
    "/careers/",
    ROLE,
    "/careers/data-scientist/pay/",
    "/compare/?role=data-scientist&role=machine-learning-engineer",
    "/match/?have=python",
]


@pytest.fixture
def site(page_cache_on, official_data):
    return page_cache_on


def summary(response):
    """The area control's summary line: the area the page shows."""
    return re.search(r'class="area-choice__summary">(.*?)</summary>', response.content.decode())[1]


def page_keys():
    return [key for key in caches["default"]._cache if ":page:" in key]


def with_area(url, code):
    return f"{url}{'&' if '?' in url else '?'}area={code}"


@pytest.mark.parametrize("url", AREA_PAGES)
def test_each_area_is_its_own_page_and_a_parameter_it_ignores_adds_none(site, url):
    california = Client().get(with_area(url, "CA"))
    assert california["X-Cache"] == "miss"
    assert not california.has_header("Vary") and not california.cookies
    # The area first, or with a parameter no page reads: the same stored page.
    path, _, query = url.partition("?")
    reordered = f"{path}?area=CA&utm_source=mail{'&' + query if query else ''}"
    again = Client().get(reordered)
    assert again["X-Cache"] == "hit" and again.content == california.content
    columbia = Client().get(with_area(url, "DC"))
    assert columbia["X-Cache"] == "miss"
    assert "District of Columbia" in summary(columbia)
    assert "California" in summary(california)
    assert len(page_keys()) == 2


def test_the_page_without_an_area_never_shows_one(site):
    Client().get(with_area(ROLE, "CA"))
    plain = Client().get(ROLE)
    assert plain["X-Cache"] == "miss"
    assert "choose your area" in summary(plain)
    assert "Remove California" not in plain.content.decode()


def test_a_cdn_may_keep_each_areas_url_for_as_long_as_it_is_told(site, settings):
    settings.PAGE_CACHE_CDN_SECONDS = 60
    response = Client().get(with_area(ROLE, "CA"))
    assert "s-maxage=60" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]
    assert not response.has_header("Vary")
