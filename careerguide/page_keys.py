"""What a cached page's key is built from, and so what its view may read of the request.

A view says which query parameters it reads (`query_parameters`: names it reads itself, forms,
FilterSets or {name: field} mappings; or its `filterset_class`, its pagination, a DRF
viewset's filter and paginator). The page cache hands it a request whose query string is
exactly those, normalised, and keys the page by that, the script prefix, the routed path and
the host: a parameter the view does not read can neither add an entry nor reach a link of a
stored page. docs/page-cache.md has the rules.
"""

import functools
import hashlib
from urllib.parse import urlencode

from django import forms
from django.http import QueryDict
from django.urls import Resolver404, get_script_prefix, resolve
from django.utils import timezone

# Bump when the stored tuple changes shape, so a deploy never reads the old one.
PAGE_FORMAT = 1

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
    exactly what its key is built from. False when it cannot be: the view does not say what
    it reads (or the path routes nowhere) and a query string was sent."""
    if not request.META.get("QUERY_STRING"):
        return True  # nothing to reduce (most hits: no need to route)
    try:
        known = known_parameters(resolve(request.path_info).func)
    except Resolver404:
        return False
    if known is None:
        return False
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
