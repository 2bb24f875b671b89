from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app builds on; it imports none of them."""

    name = "core"
    # The admin index heads its one model, Source, with this name.
    verbose_name = "Sources"
