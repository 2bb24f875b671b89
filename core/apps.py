from django.apps import AppConfig, apps
from django.conf import settings
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    """What careers and faq both build on; it imports neither."""

    name = "core"
    verbose_name = "Shared building blocks"

    def ready(self):
        from careerguide import cache

        # Every content model, found by app label: any edit anywhere makes cached pages stale.
        cache.connect_content_signals(apps, settings.PAGE_CACHE_CONTENT_APPS)
        post_migrate.connect(cache.migrated, sender=self, dispatch_uid="page_cache_migrated")
