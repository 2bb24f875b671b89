from django.apps import AppConfig


class CareersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "careers"
    verbose_name = "Careers guide"

    def ready(self):
        from . import search_document, signals  # noqa: F401  (connect their receivers)
