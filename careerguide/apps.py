"""The project package's wiring: the page cache connected to the apps (which never import it)
and the app's own deadline on PostgreSQL's answers (careerguide/database.py).

Listed last in INSTALLED_APPS, so every content model is registered when `ready()` runs.
"""

from django.apps import AppConfig, apps
from django.conf import settings
from django.db import connection
from django.db.models.signals import post_migrate

from core import content

from . import cache, database


class PageCacheConfig(AppConfig):
    name = "careerguide"
    label = "page_cache"
    verbose_name = "Page cache"

    def ready(self):
        # Where requests are served (manage.py turns the limits off for other commands).
        if settings.DATABASE_LIMITS and connection.vendor == "postgresql":
            database.install(settings.DATABASE_CALL_DEADLINE, settings.DATABASE_CONNECT_TIMEOUT)
        # Every content model, found by app label: any edit anywhere makes cached pages stale.
        cache.connect_content_signals(apps, settings.PAGE_CACHE_CONTENT_APPS)
        # post_migrate is sent for apps with models only (this one has none): core's stands for
        # the whole migrate, as it did when core connected it.
        post_migrate.connect(
            cache.migrated, sender=apps.get_app_config("core"), dispatch_uid="page_cache_migrated"
        )
        # Writes without model signals announce themselves (core/content.py).
        content.content_changed.connect(
            _announced, weak=False, dispatch_uid="page_cache_content_announced"
        )


def _announced(sender, using=None, **kwargs):
    cache.content_changed(using)
