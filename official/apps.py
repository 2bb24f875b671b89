from django.apps import AppConfig


class OfficialConfig(AppConfig):
    """Official statistics beside the guide's own figures: BLS OEWS wages by area."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "official"
    verbose_name = "Official pay (BLS OEWS)"
