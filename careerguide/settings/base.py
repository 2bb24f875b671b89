"""Settings shared by every environment.

Environment-specific modules (dev, prod, test) import everything from here and
override only what differs. Secrets and hosts come from the environment.
"""

import hashlib
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

from careerguide.database import connection_options
from careerguide.env import whole_number

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# Overridden by dev/test with a throwaway key; prod insists on a real one.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # PostgreSQL's trigram and partial indexes (careers migration 0007); inert on SQLite.
    "django.contrib.postgres",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    # Every edit of the content kept and revertible (core/history.py), and the salary
    # spreadsheet import/export in the admin.
    "simple_history",
    "import_export",
    "core",
    "careers",
    "official",
    "faq",
    "api",
    # The page cache's signal wiring (careerguide/apps.py): last, after every content model.
    "careerguide.apps.PageCacheConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Straight after SecurityMiddleware, as whitenoise documents, so static
    # files skip the rest of the stack.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Next, so a cached page skips the rest too (sessions, users, the database); the headers
    # of the middleware below are stored with each page. careerguide/cache.py says what.
    "careerguide.cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Records which signed-in editor made each change, inline and import rows included.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes documents: it turns a lockout raised during
    # authentication into the lockout response.
    "axes.middleware.AxesMiddleware",
]

# Axes first so a locked-out username+IP is refused before a password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "careerguide.urls"
WSGI_APPLICATION = "careerguide.wsgi.application"
# The path the site is served under ("" at the root, "/guide" behind a proxy that forwards
# /guide/...): fixed here, never taken from the request, whose SCRIPT_NAME a client could set
# through a proxy and so change every link of a page the page cache then stores for everyone.
FORCE_SCRIPT_NAME = os.environ.get("DJANGO_FORCE_SCRIPT_NAME", "").strip().rstrip("/")

# One engine for every page, the admin's included. "loaders" is left unset so that Django wraps
# its filesystem and app loaders in the cached loader: production compiles each template once
# per process (runserver's autoreloader empties the cache when a template file changes).
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite with nothing to set; DATABASE_URL (postgres://...) selects PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


# --- How long a request waits for the database (careerguide/database.py; docs/deployment.md) ---
# On where the site serves requests (gunicorn, runserver, the tests); manage.py turns them off
# for every other command, so migrate and the importers may run as long as they need.
DATABASE_LIMITS = os.environ.get("DJANGO_DATABASE_LIMITS", "").strip().lower() != "off"
# Seconds to open a connection, and the server's limit on one query: over it, the 503 page.
DATABASE_CONNECT_TIMEOUT = whole_number("DJANGO_DB_CONNECT_TIMEOUT", 3)
DATABASE_STATEMENT_TIMEOUT = whole_number("DJANGO_DB_STATEMENT_TIMEOUT", 4)
# The app's own limit on any one wait for a PostgreSQL answer: a server that has gone silent.
# Longer than the statement timeout, so a slow query is stopped by the server (which keeps the
# connection) before this closes the connection.
DATABASE_CALL_DEADLINE = whole_number("DJANGO_DB_CALL_DEADLINE", 5)
# /healthz: every wait of the check together, shorter than any of the above, so a load
# balancer hears of a silent database before the pages' own limits run out.
HEALTHZ_DEADLINE = 2

POSTGRESQL = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
_URL_OPTIONS = dict(DATABASES["default"].get("OPTIONS", {}))


def _database_options(statement_timeout):
    """PostgreSQL's OPTIONS for these limits; whatever DATABASE_URL asks for itself (sslmode=...,
    for example) wins."""
    limits = connection_options(
        connect_timeout=DATABASE_CONNECT_TIMEOUT,
        statement_timeout=statement_timeout,
        limits=DATABASE_LIMITS,
    )
    return {**limits, **_URL_OPTIONS}


if POSTGRESQL:
    DATABASES["default"]["OPTIONS"] = _database_options(DATABASE_STATEMENT_TIMEOUT)

# The page cache (careerguide/cache.py; docs/page-cache.md). Shared by every worker: Redis with
# REDIS_URL, otherwise files in DJANGO_CACHE_DIR, which every worker on one machine shares and
# which keeps answering while the database is down. Keys are namespaced by the database, so two
# sites (or a benchmark's throwaway database) sharing one Redis or one checkout never mix pages.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
_database = [DATABASES["default"].get(k) for k in ("ENGINE", "NAME", "HOST", "PORT")]
CACHE_KEY_PREFIX = "cg-" + hashlib.blake2b(repr(_database).encode(), digest_size=6).hexdigest()
if REDIS_URL:
    CACHES = {
        "default": {
            # django-redis keeps one client per process (Django's own backend builds one per
            # call, which costs more than a page cache hit's read itself).
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            # A cache that does not answer at once is treated as down, not waited for.
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.25},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("DJANGO_CACHE_DIR") or str(BASE_DIR / ".cache"),
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            # The size bound (docs/page-cache.md): past it, a third of the files go at random.
            "OPTIONS": {"MAX_ENTRIES": 10_000},
        }
    }
# Seconds a page stays cached; 0 turns the page cache off. Off in development, so every
# change shows at once; prod.py turns it on.
PAGE_CACHE_SECONDS = whole_number("DJANGO_PAGE_CACHE_SECONDS", 0)
# s-maxage for a CDN in front: 0 makes it revalidate every request (the ETag makes that cheap),
# so edits show at once through it too.
PAGE_CACHE_CDN_SECONDS = whole_number("DJANGO_CDN_MAX_AGE", 0)
# Every model of these apps is content: saving one makes every cached page stale.
PAGE_CACHE_CONTENT_APPS = ["core", "careers", "official", "faq"]
# Never looked up (their views send never_cache anyway, so they are never stored either).
PAGE_CACHE_EXCLUDED_PATHS = ["/admin/", "/healthz"]
# Each worker's in-memory copies of pages, in bytes of page bodies.
PAGE_CACHE_LOCAL_BYTES = 16 * 1024 * 1024
# Pages with a query string (searches, filters; their values are unbounded) stored per minute
# by all workers together; past it they are rendered but not stored until the next minute.
PAGE_CACHE_QUERY_PAGES_PER_MINUTE = 100

# --- Editors' workflow (docs/editors.md) ---------
# A figure whose as-of date is more than this many months before today is flagged as old, in
# the admin and beside the figure on public pages.
CAREERGUIDE_STALE_AFTER_MONTHS = 12
# True only in prod.py: commands that write made-up data refuse to run there unless told.
CAREERGUIDE_PRODUCTION = False
# A spreadsheet import is applied in one transaction: every row or none.
IMPORT_EXPORT_USE_TRANSACTIONS = True
# Importing changes records and exporting reads them: the same permissions as editing by hand.
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "change"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
# --- The read-only JSON API (api/; docs/api.md) ---------------------------------------------
# JSON only and no authentication: every answer is the same for every visitor (no `Vary`, no
# session read), so the page cache keeps and invalidates it like a page.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": [],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.AnonymousThrottle"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
}
# Requests per client that reach the API's views (cache misses); past it, 429 with Retry-After.
API_ANON_RATE = os.environ.get("DJANGO_API_ANON_RATE", "").strip() or "120/minute"
SPECTACULAR_SETTINGS = {
    "TITLE": "careerguide API",
    "DESCRIPTION": "Read-only: the guide's roles (with the role list's filters), skills, "
    "companies and FAQ. Every figure carries its source and as-of date.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI from our own static files (drf-spectacular-sidecar): the CSP allows no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
# Overridable so the benchmark and the prod-settings tests collect into a
# throwaway directory instead of the working tree.
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# Bound request size: no page takes more than a handful of filter parameters,
# so thousands of fields are refused with a 400 rather than parsed.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000

# Response headers that cost nothing over plain http, so dev and test send
# them too and tests see the same pages production serves. HTTPS-only
# settings (HSTS, Secure cookies, SSL redirect) live in prod.py.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# No page reads the CSRF cookie from JavaScript: forms carry the token.
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"

# django-csp 4 policy. Pages and the Django admin load every script and
# stylesheet from our own origin, so nothing inline or eval'd is allowed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    },
}

# Admin login throttling (django-axes). The lock is keyed on username AND IP
# together, so one attacker guessing passwords cannot lock every editor out,
# and it lifts by itself after the cool-off; a successful login clears it.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"
# 429 Too Many Requests: the client may retry after the cool-off.
AXES_HTTP_RESPONSE_CODE = 429
# Behind proxies the lock must key on the client, not the proxy: core/client_ip.py.
AXES_CLIENT_IP_CALLABLE = "core.client_ip.client_ip"
try:
    PROXY_COUNT = int(os.environ.get("DJANGO_PROXY_COUNT", "0") or 0)
except ValueError:
    raise SystemExit(
        "careerguide: DJANGO_PROXY_COUNT must be a whole number (0 without a proxy)."
    ) from None
if PROXY_COUNT < 0:
    raise SystemExit("careerguide: DJANGO_PROXY_COUNT must be 0 or more.")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"stderr": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["stderr"], "level": "WARNING"},
}

# --- Spreadsheet imports (docs/spreadsheet-import.md) -----------------------------------------
# The salary import's limits, each checked before the file is parsed, so a refused file costs
# no memory. An .xlsx is a zip: its members' declared uncompressed sizes count, not its size.
SPREADSHEET_IMPORT_MAX_BYTES = 2 * 1024 * 1024
SPREADSHEET_IMPORT_MAX_INFLATED_BYTES = 10 * 1024 * 1024
# Each row is validated against every database rule (about 15 queries a row), at the preview
# and again at the confirmation: rows are what bounds the time a worker spends on one file.
SPREADSHEET_IMPORT_MAX_ROWS = 500
# An upload waits this long in the shared cache for its confirmation, then expires; confirmed
# and refused uploads are deleted at once.
SPREADSHEET_IMPORT_KEEP_SECONDS = 10 * 60
