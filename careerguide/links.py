"""Links to the site's own pages, without running `reverse()` for every one.

`reverse()` costs ~15 µs a call (it walks the resolver and quotes each argument); the role page
builds ~40 links and the role list ~60, which profiling showed as a fifth of the role page. URL
patterns do not change while a process runs, so each URL name is reversed once per script
prefix (with a stand-in for its slug) and later links are joined strings. This remembers the
shape of the site's addresses, never anything read from the database.
"""

import re

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import NoReverseMatch, get_script_prefix, reverse

# What the `slug` path converter accepts: nothing in it needs quoting in a path.
_SLUG = re.compile(r"[-a-zA-Z0-9_]+\Z")
_STAND_IN = "slug-stand-in-0f3a"
_shapes = {}


def _shape(name, with_slug):
    # A request-specific urlconf (request.urlconf) is not used on this site; the script prefix
    # is per request (SCRIPT_NAME) and stays in the key.
    key = (name, with_slug, get_script_prefix())
    shape = _shapes.get(key)
    if shape is None:
        if with_slug:
            try:
                parts = reverse(name, args=[_STAND_IN]).split(_STAND_IN)
            except NoReverseMatch:  # not a slug pattern (an int, a regex): reverse() each time
                parts = []
            shape = tuple(parts) if len(parts) == 2 else None
        else:
            shape = (reverse(name), "")
        _shapes[key] = shape
    return shape


def link(name, slug=None):
    """reverse(name) or reverse(name, args=[slug]) for a pattern whose one argument is a slug."""
    if slug is None:
        return _shape(name, False)[0]
    shape = _shape(name, True)
    if shape is None or not isinstance(slug, str) or not _SLUG.match(slug):
        return reverse(name, args=[slug])  # unusual pattern or argument: reverse() decides
    return f"{shape[0]}{slug}{shape[1]}"


@receiver(setting_changed)
def _forget_shapes(*, setting, **kwargs):
    if setting == "ROOT_URLCONF":
        _shapes.clear()
