from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app builds on; it imports none of them."""

    name = "core"
    verbose_name = "Shared building blocks"
