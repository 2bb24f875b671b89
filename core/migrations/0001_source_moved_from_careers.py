"""Source (and its history) moved here from careers, keeping its tables, rows, content types
and permissions: careers_source and careers_historicalsource are still the tables."""

import django.core.validators
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

MOVED = ["source", "historicalsource"]


def _relabel(apps, old, new):
    """The content types (and so the permissions and the admin's log entries, which point at
    them) follow the model. A database migrated before any content type was made has none."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label=old, model__in=MOVED).update(app_label=new)


def move_content_types(apps, schema_editor):
    _relabel(apps, "careers", "core")


def move_content_types_back(apps, schema_editor):
    _relabel(apps, "core", "careers")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("careers", "0012_edit_version"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay as they are: only Django's idea of which app owns them changes.
            state_operations=[
                migrations.CreateModel(
                    name="HistoricalSource",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        (
                            "slug",
                            models.SlugField(
                                help_text="Short web address for this item, lower-case words joined by hyphens. Filled in from the name; change it only if you must, as it breaks old links.",
                                max_length=120,
                            ),
                        ),
                        (
                            "publisher",
                            models.CharField(
                                blank=True,
                                help_text="Who published it, e.g. Glassdoor or the World Economic Forum. Leave empty if the text does not say.",
                                max_length=200,
                            ),
                        ),
                        (
                            "title",
                            models.CharField(
                                blank=True,
                                help_text="Title of the report, article or page, e.g. 'Future of Jobs Report 2023'.",
                                max_length=300,
                            ),
                        ),
                        (
                            "url",
                            models.URLField(
                                blank=True,
                                help_text="Link to the source as precisely as the text names it (often the publisher's home page), starting with https:// or http://. Leave empty if not known.",
                                validators=[
                                    django.core.validators.URLValidator(schemes=["http", "https"])
                                ],
                                verbose_name="web address",
                            ),
                        ),
                        (
                            "published_on",
                            models.DateField(
                                blank=True,
                                help_text="When the source was published, if it says. Use the first day of the month (or year) when only that is given. Leave empty if the text does not say.",
                                null=True,
                                verbose_name="publication date",
                            ),
                        ),
                        (
                            "note",
                            models.TextField(
                                blank=True,
                                help_text="Anything a reader should know about this source.",
                            ),
                        ),
                        ("history_id", models.AutoField(primary_key=True, serialize=False)),
                        ("history_date", models.DateTimeField(db_index=True)),
                        ("history_change_reason", models.CharField(max_length=100, null=True)),
                        (
                            "history_type",
                            models.CharField(
                                choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")],
                                max_length=1,
                            ),
                        ),
                        (
                            "history_user",
                            models.ForeignKey(
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical source",
                        "verbose_name_plural": "historical sources",
                        "db_table": "careers_historicalsource",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="Source",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "slug",
                            models.SlugField(
                                help_text="Short web address for this item, lower-case words joined by hyphens. Filled in from the name; change it only if you must, as it breaks old links.",
                                max_length=120,
                                unique=True,
                            ),
                        ),
                        (
                            "publisher",
                            models.CharField(
                                blank=True,
                                help_text="Who published it, e.g. Glassdoor or the World Economic Forum. Leave empty if the text does not say.",
                                max_length=200,
                            ),
                        ),
                        (
                            "title",
                            models.CharField(
                                blank=True,
                                help_text="Title of the report, article or page, e.g. 'Future of Jobs Report 2023'.",
                                max_length=300,
                            ),
                        ),
                        (
                            "url",
                            models.URLField(
                                blank=True,
                                help_text="Link to the source as precisely as the text names it (often the publisher's home page), starting with https:// or http://. Leave empty if not known.",
                                validators=[
                                    django.core.validators.URLValidator(schemes=["http", "https"])
                                ],
                                verbose_name="web address",
                            ),
                        ),
                        (
                            "published_on",
                            models.DateField(
                                blank=True,
                                help_text="When the source was published, if it says. Use the first day of the month (or year) when only that is given. Leave empty if the text does not say.",
                                null=True,
                                verbose_name="publication date",
                            ),
                        ),
                        (
                            "note",
                            models.TextField(
                                blank=True,
                                help_text="Anything a reader should know about this source.",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "careers_source",
                        "ordering": ["publisher", "title"],
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(("publisher", ""), ("title", ""), _negated=True),
                                name="source_has_publisher_or_title",
                                violation_error_message="Give the source a publisher, a title, or both.",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    ("url", ""),
                                    ("url__istartswith", "http://"),
                                    ("url__istartswith", "https://"),
                                    _connector="OR",
                                ),
                                name="source_url_is_web_address",
                                violation_error_message="The web address must start with https:// or http://.",
                            ),
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
