import pytest
from django.core.cache import caches

from careerguide import cache as page_cache


@pytest.fixture
def page_cache_on(settings):
    """The page cache as production runs it, starting empty and leaving nothing behind."""
    caches["default"].clear()
    settings.PAGE_CACHE_SECONDS = 600  # also resets this process's copies (setting_changed)
    yield settings
    page_cache.reset()
    if settings.CACHES["default"]["BACKEND"].endswith("LocMemCache"):
        caches["default"].clear()  # (a Redis test cleans up its own keys, never FLUSHDB)


def content_version():
    return caches["default"].get(page_cache.VERSION_KEY)
