from django.apps import AppConfig, apps
from django.conf import settings
from django.db import connection
from django.db.models.signals import post_migrate

from . import content


class CoreConfig(AppConfig):
    """What careers and faq both build on; it imports neither."""

    name = "core"
    verbose_name = "Shared building blocks"

    def ready(self):
        from careerguide import cache, database

        # The app's own deadline on PostgreSQL's answers, where requests are served.
        if settings.DATABASE_LIMITS and connection.vendor == "postgresql":
            database.install(settings.DATABASE_CALL_DEADLINE, settings.DATABASE_CONNECT_TIMEOUT)

        # Every content model, found by app label: any edit anywhere makes cached pages stale.
        cache.connect_content_signals(apps, settings.PAGE_CACHE_CONTENT_APPS)
        post_migrate.connect(cache.migrated, sender=self, dispatch_uid="page_cache_migrated")
        # Writes without model signals announce themselves (core/content.py).
        content.content_changed.connect(
            _announced, weak=False, dispatch_uid="page_cache_content_announced"
        )


def _announced(sender, using=None, **kwargs):
    from careerguide import cache

    cache.content_changed(using)
