from django.apps import AppConfig


class CareersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "careers"
    verbose_name = "Careers guide"

    def ready(self):
        from . import signals  # noqa: F401  (connects the median_pay receivers)
