"""Test runs: fast hashing, DEBUG off (as in prod), a fixed throwaway key."""

from .base import *  # noqa: F403
from .base import _database_options

SECRET_KEY = "test-only-insecure-key"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Persistent connections outlive pytest-django's per-test setup; keep it simple.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
# Tests create and drop whole databases, on busy machines: limits no statement of theirs nears.
# The tests of the limits themselves set short ones (tests/database/).
DATABASE_STATEMENT_TIMEOUT = 60
DATABASE_CALL_DEADLINE = 120
if POSTGRESQL:  # noqa: F405
    DATABASES["default"]["OPTIONS"] = _database_options(DATABASE_STATEMENT_TIMEOUT)  # noqa: F405
# Tests never run collectstatic: serve static files from the app folders, as in dev, instead of
# warning on every request that STATIC_ROOT does not exist.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# A per-process cache, and the page cache off: tests that exercise it (tests/cache/) turn it
# on with override_settings and start from an empty cache, so no page leaks between tests.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PAGE_CACHE_SECONDS = 0
PAGE_CACHE_CDN_SECONDS = 0
# Tests make many API requests from one address; the throttle's own test lowers this.
API_ANON_RATE = "100000/minute"
