"""The page cache: what visitors are served from it, the content version, invalidation.

One middleware, straight after SecurityMiddleware and whitenoise, answers an anonymous GET or
HEAD from the cache when it holds the page for the current content version; nothing else in
the stack runs then. On a miss the page is rendered as usual and, if it is the same for every
visitor, stored with its headers (the security headers included) under that version.

The content version is a random number kept in the shared cache (Redis, or files on one
machine). Every save, delete or many-to-many change of a model of a content app
(settings.PAGE_CACHE_CONTENT_APPS) replaces it when its transaction commits, and so do migrate
and the data commands: every page stored before is then unreachable on every worker of every
instance at once. Invalidation is that one mechanism, not a rule per view.

Each worker also keeps the pages it served in memory, bounded by bytes, for the version it
last saw: a hit reads only the small version key from the shared cache.

The cache is an accelerator, never a dependency: if the shared cache fails, pages come from
the database and a warning is logged, and this worker leaves the shared cache alone for a
short back-off. If the database fails, cached pages are still served and the rest answer
503 with Retry-After. The README's "Page cache" section has the numbers and the reasons.
"""

import functools
import hashlib
import logging
import secrets
import threading
import time
from collections import OrderedDict
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient
from django.core.signals import setting_changed
from django.db import InterfaceError, OperationalError, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.http import HttpResponse, QueryDict
from django.template import TemplateDoesNotExist, TemplateSyntaxError, loader
from django.urls import Resolver404, get_script_prefix, resolve
from django.utils import timezone
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)

logger = logging.getLogger(__name__)

CACHE_ALIAS = "default"
VERSION_KEY = "page-cache:content-version"
# Bump when the stored tuple changes shape, so a deploy never reads the old one.
PAGE_FORMAT = 1
# After the shared cache fails, each worker serves from the database this long before trying it
# again, so a dead Redis costs one timeout per worker per back-off, not one per request.
BACKOFF_SECONDS = 5
RETRY_AFTER_SECONDS = 30
CSP_HEADERS = ("Content-Security-Policy", "Content-Security-Policy-Report-Only")
# Connection-level failures: the database is down or unreachable. Other DatabaseErrors
# (IntegrityError, ProgrammingError) are bugs, and stay 500s.
DATABASE_DOWN = (OperationalError, InterfaceError)


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django builds a new redis.Redis for every call, which costs more than the round trip
    itself; one client per connection pool is thread-safe and enough."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    """Django's Redis backend with one reused client (see ReusedClientRedisCacheClient)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient


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


def content_changed(using=None):
    """Announce that visitors' pages changed: the version is replaced when the transaction
    commits (at once outside one). Called by the content signals and by commands that write
    without them (bulk_create, update)."""
    connection = transaction.get_connection(using)
    # One bump per transaction. A bump already due covers this change: Django drops a callback
    # only with a savepoint it was registered in, and every savepoint still open is one this
    # change is inside of too (a released one can no longer be rolled back alone).
    pending = getattr(connection, "run_on_commit", ()) if connection.in_atomic_block else ()
    if any(func is bump_content_version for _sids, func, _robust in pending):
        return
    transaction.on_commit(bump_content_version, using=using)


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


# How a view reads each parameter: a form field's value (its last one; empty is absent), a
# repeatable field's values (in order), or a name the view reads itself (last one, even empty).
ONE, MANY, RAW = "one", "many", "raw"


def _reads_many(field):
    """A form field or a django-filter filter whose parameter may repeat (a multiple choice)."""
    widget = getattr(field, "widget", None) or getattr(field, "extra", {}).get("widget")
    widget = widget or field.field_class.widget
    widget = widget if isinstance(widget, type) else type(widget)
    return issubclass(widget, forms.MultipleHiddenInput) or getattr(
        widget, "allow_multiple_selected", False
    )


@functools.cache  # one entry per view of the URLconf
def known_parameters(func):
    """{name: ONE, MANY or RAW} for every query parameter the view reads, or None when it does
    not say. A view says so with `query_parameters` (names it reads itself, forms, FilterSets
    or {name: field} mappings), its `filterset_class`, its pagination, or by being a DRF
    viewset (its filter and paginator are all it reads)."""
    view = getattr(func, "view_class", None) or getattr(func, "cls", None) or func
    actions = getattr(func, "actions", None)
    declared = getattr(view, "query_parameters", None)
    filterset = getattr(view, "filterset_class", None)
    if declared is None and filterset is None and actions is None:
        return None
    known = {}
    for source in (filterset, *(declared or ())):
        if isinstance(source, str):
            known[source] = RAW
        elif source is not None:
            for attribute in ("base_filters", "base_fields"):  # a FilterSet's, a form's
                source = getattr(source, attribute, source)
            known.update({name: MANY if _reads_many(f) else ONE for name, f in source.items()})
    if getattr(view, "paginate_by", None):
        known[view.page_kwarg] = ONE
    if actions and actions.get("get") == "list" and getattr(view, "pagination_class", None):
        known[view.pagination_class.page_query_param] = ONE
    return known


def known_query(query, known):
    """`query` (a QueryDict) reduced to the `known` parameters, as a normalised query string:
    by name; a parameter read once by the value the view reads (the last); blank values
    dropped unless the view reads the name itself."""
    pairs = []
    for name in sorted(known):
        values = query.getlist(name)
        if known[name] != MANY:
            values = values[-1:]
        if known[name] != RAW:
            values = [value for value in values if value.strip()]
        pairs += [(name, value) for value in values]
    return urlencode(pairs)


def keep_known_query(request):
    """Hand the view only the query parameters it reads, normalised, so the page is built from
    exactly what its key is built from. False when it cannot be: the path routes nowhere, or
    the view does not say what it reads and a query string was sent."""
    try:
        known = known_parameters(resolve(request.path_info).func)
    except Resolver404:
        return False
    if known is None:
        return not request.META.get("QUERY_STRING")
    query = known_query(request.GET, known)
    request.META["QUERY_STRING"] = query
    request.GET = QueryDict(query)
    return True


def page_key(request, version):
    """The version plus a fixed-length hash of what the page is built from: scheme, host
    (checked against ALLOWED_HOSTS by get_host), the script prefix its links are built with,
    the routed path and the query string keep_known_query left."""
    # Apart, not joined: prefix /careers with path / is not the path /careers/.
    address = (
        request.scheme,
        request.get_host(),
        get_script_prefix(),
        request.path_info,
        request.META.get("QUERY_STRING", ""),
    )
    digest = hashlib.blake2b(repr(address).encode("utf-8", "surrogatepass"), digest_size=16)
    # Pages say which figures are more than a year old, which changes with the date alone:
    # a page is never served on a later day than the one it was rendered on.
    today = timezone.localdate().isoformat()
    return f"page:{PAGE_FORMAT}:{version}:{today}:{digest.hexdigest()}"


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
    except ValueError:  # the counter expired between add and incr: a new minute began
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


def _shared_get(key):
    try:
        page = caches[CACHE_ALIAS].get(key)
    except Exception as error:
        shared_state.failed(error)
        return None
    if not (isinstance(page, tuple) and len(page) == 5 and page[0] == PAGE_FORMAT):
        return None
    return page if page[4] > time.time() else None


def _shared_set(key, page, seconds):
    if not shared_state.available():
        return
    try:
        caches[CACHE_ALIAS].set(key, page, seconds)
    except Exception as error:
        shared_state.failed(error)


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
            _shared_set(key, page, seconds)
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
