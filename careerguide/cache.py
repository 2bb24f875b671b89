"""The page cache: anonymous visitors' pages served from a cache every worker shares.

One middleware, straight after SecurityMiddleware and whitenoise, answers an anonymous GET or
HEAD from the cache when it holds the page for the current content version (nothing else in
the stack runs then), and stores a page that is the same for every visitor. The content
version, a random number in the shared cache, is replaced whenever content is committed, so
invalidation is one mechanism, not a rule per view. A page's key is what it was built from:
the view is handed only the query parameters it reads. docs/page-cache.md has the rules, the
bounds, the Redis settings expected and the reasons.
"""

import logging
import secrets
import threading
import time
import weakref
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches
from django.core.signals import setting_changed
from django.db import InterfaceError, OperationalError, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.http import HttpResponse
from django.template import TemplateDoesNotExist, TemplateSyntaxError, loader
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)

from .page_keys import PAGE_FORMAT, keep_known_query, page_key

logger = logging.getLogger(__name__)

CACHE_ALIAS = "default"
VERSION_KEY = "page-cache:content-version"
# After the shared cache fails, each worker serves from the database this long before trying it
# again, so a dead Redis costs one timeout per worker per back-off, not one per request.
BACKOFF_SECONDS = 5
RETRY_AFTER_SECONDS = 30
CSP_HEADERS = ("Content-Security-Policy", "Content-Security-Policy-Report-Only")
# Connection-level failures: the database is down or unreachable. Other DatabaseErrors
# (IntegrityError, ProgrammingError) are bugs, and stay 500s.
DATABASE_DOWN = (OperationalError, InterfaceError)


class SharedCacheState:
    """This process's view of the shared cache's health, and an edit it could not announce."""

    def __init__(self):
        self.failed_until = 0.0
        self.bump_pending = False

    def available(self):
        return time.monotonic() >= self.failed_until

    def failed(self, error):
        self.failed_until = time.monotonic() + BACKOFF_SECONDS
        logger.warning(
            "Page cache: the shared cache failed (%s: %s); pages come from the database, "
            "and this process tries the cache again in %s s.",
            type(error).__name__,
            error,
            BACKOFF_SECONDS,
        )


class LocalPages:
    """This process's copies of pages for one content version, least recently used out first."""

    def __init__(self):
        self.lock = threading.Lock()
        self.version = None
        self.pages = OrderedDict()
        self.size = 0

    def clear(self, version=None):
        with self.lock:
            self._reset(version)

    def _reset(self, version):
        self.version = version
        self.pages = OrderedDict()
        self.size = 0

    def get(self, version, key):
        with self.lock:
            if version != self.version:
                # The content changed: every copy held is stale.
                self._reset(version)
                return None
            page = self.pages.get(key)
            if page is None:
                return None
            if page[4] <= time.time():
                self._drop(key)
                return None
            self.pages.move_to_end(key)
            return page

    def put(self, version, key, page, limit):
        size = len(page[1])
        if size > limit:
            return
        with self.lock:
            if version != self.version:
                return  # rendered for a version another request has already seen replaced
            self._drop(key)
            self.pages[key] = page
            self.size += size
            while self.size > limit:
                _, old = self.pages.popitem(last=False)
                self.size -= len(old[1])

    def _drop(self, key):
        old = self.pages.pop(key, None)
        if old is not None:
            self.size -= len(old[1])


shared_state = SharedCacheState()
local_pages = LocalPages()


@receiver(setting_changed, dispatch_uid="page_cache_settings_changed")
def _settings_changed(*, setting, **kwargs):
    if setting == "CACHES" or setting.startswith("PAGE_CACHE_"):
        reset()


def reset():
    """Forget this process's copies and cache health (tests, and a change of settings)."""
    local_pages.clear()
    shared_state.failed_until = 0.0
    shared_state.bump_pending = False


def _new_version():
    # Random rather than counted: no read-modify-write, so concurrent bumps need no lock and
    # a version lost with the shared cache can never come back.
    return secrets.randbits(62)


# --- The content version --------------------------------------------------------------------


def current_version():
    """The shared content version, or None when the shared cache cannot be used."""
    if not shared_state.available():
        return None
    try:
        cache = caches[CACHE_ALIAS]
        if shared_state.bump_pending:
            _set_version(cache)
        version = cache.get(VERSION_KEY)
        if version is None:
            # First use, or the key was lost: start a version nobody has stored pages under.
            cache.add(VERSION_KEY, _new_version(), None)
            version = cache.get(VERSION_KEY)
        return version
    except Exception as error:  # any failure of the cache is a miss, never an error page
        shared_state.failed(error)
        return None


def _set_version(cache):
    cache.set(VERSION_KEY, _new_version(), None)
    shared_state.bump_pending = False


def bump_content_version():
    """Make every cached page stale on every worker of every instance, now.

    Called on commit (see content_changed); call it directly only outside a transaction.
    """
    try:
        _set_version(caches[CACHE_ALIAS])
    except Exception as error:
        # Retried before this process's next cache lookup; until then, pages cached before
        # the change may be served by other processes.
        shared_state.bump_pending = True
        logger.error(
            "Page cache: could not replace the content version (%s: %s); pages cached before "
            "this change may be served until it succeeds or they expire.",
            type(error).__name__,
            error,
        )


class _Bump:
    """One bump for every change of a transaction that registered it: the first to run."""

    done = False

    def __call__(self):
        if not self.done:
            self.done = True
            bump_content_version()


# Each connection's _Bump for its open transaction, until one of its callbacks has run.
_bumps = weakref.WeakKeyDictionary()


def content_changed(using=None):
    """Announce that visitors' pages changed: the version is replaced when the transaction
    commits (at once outside one). Called by the content signals and by commands that write
    without them (bulk_create, update)."""
    connection = transaction.get_connection(using)
    bump = _bumps.get(connection)
    if bump is None or bump.done:
        bump = _bumps[connection] = _Bump()
    # Every change registers it: Django drops the callbacks of a savepoint rolled back, and
    # those of the changes that stay still bump, once.
    transaction.on_commit(bump, using=using)


def _content_saved_or_deleted(sender, using=None, **kwargs):
    content_changed(using)


def _content_links_changed(sender, action, using=None, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        content_changed(using)


def connect_content_signals(apps, app_labels):
    """Watch every model of the content apps, found through the app registry.

    Saves and deletes for the concrete models; many-to-many changes for every through table,
    the automatic ones included (their rows change only through m2m_changed or bulk writes).
    """
    for label in app_labels:
        config = apps.get_app_config(label)
        for model in config.get_models():
            uid = f"page_cache:{model._meta.label}"
            post_save.connect(_content_saved_or_deleted, sender=model, dispatch_uid=uid)
            post_delete.connect(_content_saved_or_deleted, sender=model, dispatch_uid=uid)
        for model in config.get_models(include_auto_created=True):
            m2m_changed.connect(
                _content_links_changed, sender=model, dispatch_uid=f"page_cache:{model._meta.label}"
            )


def migrated(**kwargs):
    """migrate (every deploy) and flush may change content and templates without signals."""
    bump_content_version()


# --- What is cached ---------------------------------------------------------------------------


def request_is_cacheable(request):
    """An anonymous GET or HEAD of a public page. A csrftoken cookie alone (left by a visit to
    the admin's sign-in page) is still anonymous; a session cookie or credentials are not."""
    if request.method not in ("GET", "HEAD"):
        return False
    meta = request.META
    if "HTTP_AUTHORIZATION" in meta:
        return False
    if "HTTP_COOKIE" in meta and settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    path = request.path_info
    return not any(path.startswith(prefix) for prefix in settings.PAGE_CACHE_EXCLUDED_PATHS)


def response_is_cacheable(response):
    """A 200 that is the same for every visitor. 404s are not kept: any address gives one, so
    they would let anyone fill the cache; redirects cost nothing to make again."""
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies or response.has_header("Set-Cookie") or response.has_header("Vary"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-cache", "no-store")):
        return False
    # A nonce is per response; replaying it would defeat the policy.
    return not any("nonce-" in response.get(header, "") for header in CSP_HEADERS)


def _within_query_budget(request):
    """A page with a query string (a search, a filter) may be stored only while fewer than
    PAGE_CACHE_QUERY_PAGES_PER_MINUTE were stored this minute by every worker together: their
    values are unbounded, so this bounds what they can hold (that many times the minutes a
    page lives), whatever a client sends. Pages without one are bounded by the content."""
    if not request.META.get("QUERY_STRING"):
        return True
    key = f"page-cache:query-pages:{int(time.time() // 60)}"
    try:
        cache = caches[CACHE_ALIAS]
        cache.add(key, 0, 120)
        return cache.incr(key) <= settings.PAGE_CACHE_QUERY_PAGES_PER_MINUTE
    except ValueError:  # evicted between the two calls: store nothing more this minute
        return False
    except Exception as error:
        shared_state.failed(error)
        return False


def _page_from(response, seconds):
    if not response.has_header("ETag"):
        set_response_etag(response)
    cdn_seconds = settings.PAGE_CACHE_CDN_SECONDS
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    if cdn_seconds > 0:
        patch_cache_control(response, s_maxage=cdn_seconds)
    return (
        PAGE_FORMAT,
        response.content,
        tuple(response.items()),
        response["ETag"],
        time.time() + seconds,
    )


def _response_from(page):
    _format, body, headers, _etag, _expires = page
    response = HttpResponse(body, headers=dict(headers))
    response["X-Cache"] = "hit"
    return response


def _conditional(request, response, etag):
    meta = request.META
    if "HTTP_IF_NONE_MATCH" not in meta and "HTTP_IF_MODIFIED_SINCE" not in meta:
        return response
    conditional = get_conditional_response(request, etag=etag, response=response)
    if conditional is not response:
        conditional["X-Cache"] = response["X-Cache"]
    return conditional


def _shared(method, *args):
    """A call to the shared cache; when it fails, None, a warning, and the back-off."""
    if not shared_state.available():
        return None
    try:
        return getattr(caches[CACHE_ALIAS], method)(*args)
    except Exception as error:  # any failure of the cache is a miss, never an error page
        shared_state.failed(error)
        return None


def _shared_get(key):
    page = _shared("get", key)
    if not (isinstance(page, tuple) and len(page) == 5 and page[0] == PAGE_FORMAT):
        return None
    return page if page[4] > time.time() else None


# --- The middleware and the outage page -------------------------------------------------------


def service_unavailable():
    """The site's own 503 page, for a database that does not answer."""
    try:
        body = loader.render_to_string("503.html")
    except (TemplateDoesNotExist, TemplateSyntaxError):
        logger.exception("Page cache: the 503 page could not be rendered")
        body = "<!doctype html><title>Unavailable</title><h1>Temporarily unavailable</h1>"
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


class PageCacheMiddleware:
    """Serve visitors' pages from the page cache; store the ones every visitor shares.

    Goes straight after SecurityMiddleware and WhiteNoiseMiddleware, so that on a hit nothing
    else runs (no session, no user, no database), and so that their headers are added to hits
    as to any response while the other middleware's headers are stored with the page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        if seconds <= 0 or not request_is_cacheable(request) or not keep_known_query(request):
            return self.get_response(request)
        version = current_version()
        if version is None:
            return self.get_response(request)
        key = page_key(request, version)
        page = local_pages.get(version, key)
        if page is None:
            page = _shared_get(key)
            if page is not None:
                local_pages.put(version, key, page, settings.PAGE_CACHE_LOCAL_BYTES)
        if page is not None:
            return _conditional(request, _response_from(page), page[3])

        response = self.get_response(request)
        # HEAD is answered from a stored GET but never stored: a view may answer it bodiless.
        if (
            request.method == "GET"
            and response_is_cacheable(response)
            and _within_query_budget(request)
        ):
            page = _page_from(response, seconds)
            _shared("set", key, page, seconds)
            local_pages.put(version, key, page, settings.PAGE_CACHE_LOCAL_BYTES)
        response["X-Cache"] = "miss"
        return _conditional(request, response, response.get("ETag"))

    def process_exception(self, request, exception):
        # Also for the admin and uncached pages: a database outage is a 503, never a 500.
        # With DEBUG on, the developer sees the error itself ("no such table": run migrate).
        if isinstance(exception, DATABASE_DOWN) and not settings.DEBUG:
            logger.error("The database did not answer (%s); answered 503.", exception)
            return service_unavailable()
        return None
