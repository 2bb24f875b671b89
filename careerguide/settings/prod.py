"""Production: every secret and host from the environment, or refuse to start.

`manage.py check --deploy --fail-level WARNING` passes with these settings and
a real DJANGO_SECRET_KEY / DJANGO_ALLOWED_HOSTS; each deploy check is met by a
setting below rather than silenced (the one exception is documented at
SECURE_SSL_REDIRECT).
"""

import os

from careerguide.env import whole_number

from .base import *  # noqa: F403


def _require(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        # SystemExit prints one readable line instead of a settings traceback.
        raise SystemExit(
            f"careerguide: {name} must be set for production settings "
            "(see README.md, 'Configuration')."
        )
    return value


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise SystemExit(f"careerguide: {name} must be true or false, not {value!r}.")


SECRET_KEY = _require("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = [h.strip() for h in _require("DJANGO_ALLOWED_HOSTS").split(",") if h.strip()]
DEBUG = False
# generate_synthetic_roles refuses to run here without --allow-production.
CAREERGUIDE_PRODUCTION = True

# Pages are cached for ten minutes unless DJANGO_PAGE_CACHE_SECONDS says otherwise (0: off).
PAGE_CACHE_SECONDS = whole_number("DJANGO_PAGE_CACHE_SECONDS", 600)

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# The site is served over HTTPS only, normally behind a TLS-terminating proxy
# that sets X-Forwarded-Proto (and strips any value the client sent).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Django redirects http to https itself unless told the proxy already does
# (DJANGO_SECURE_SSL_REDIRECT=false). Only then is the deploy check that asks
# for the redirect (security.W008) silenced, since the redirect still happens.
# `make bench` also turns it off: it serves these settings over plain http
# on 127.0.0.1.
SECURE_SSL_REDIRECT = _flag("DJANGO_SECURE_SSL_REDIRECT", default=True)
if not SECURE_SSL_REDIRECT:
    SILENCED_SYSTEM_CHECKS = ["security.W008"]

# One year of HSTS for this host and its subdomains. `preload` only declares
# consent; the domain joins browsers' preload lists when submitted by hand.
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

# __Host- cookies are only accepted by browsers when Secure, Path=/ and
# without Domain, which pins them to this exact host over HTTPS.
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_NAME = "__Host-csrftoken"
