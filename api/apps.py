from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The read-only JSON API: DRF views over the careers and faq QuerySets and RoleFilter."""

    name = "api"
    verbose_name = "JSON API"

    def ready(self):
        from . import schema  # noqa: F401  (registers the schema extension for RoleFilter)
