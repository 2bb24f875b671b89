"""Production: every secret and host from the environment, or refuse to start."""

import os

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


SECRET_KEY = _require("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = [h.strip() for h in _require("DJANGO_ALLOWED_HOSTS").split(",") if h.strip()]
DEBUG = False

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
