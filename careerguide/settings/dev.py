"""Local development: DEBUG on, a throwaway key, localhost only."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-not-for-production"  # noqa: F405
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]  # noqa: F405
# The site's URLs and previews of its own 404, 500 and 503 pages (/404/, /500/, /503/).
ROOT_URLCONF = "careerguide.urls_dev"
