import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.test import Client

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


@pytest.fixture
def editor_client(db):
    """A client signed in as the site's owner."""
    user = get_user_model().objects.create_superuser("owner", "owner@example.org", "pw")
    client = Client()
    client.force_login(user)
    return client
