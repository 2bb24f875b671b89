from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What careers and faq both build on; it imports neither."""

    name = "core"
    verbose_name = "Shared building blocks"
