"""An education step's text becomes passages, each credited to whoever wrote it.

The guide's "Experience" step quotes Discover Data Science in its first sentence only; the rest
is the guide's own. On databases loaded before this, that step is split so and credited to the
guide; any other step keeps its text as one passage with its source.
"""

import django.db.models.deletion
import simple_history.models
from django.apps import apps as global_apps
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

EDITORS_GROUP = "Editors"
PASSAGE_PERMISSIONS = [
    f"{action}_educationpassage" for action in ("view", "add", "change", "delete")
]

EXPERIENCE_SPLIT = [
    (
        "discover-data-science",
        "As described by Discover Data Science, some machine learning positions may require "
        "previous experience in an engineer or artificial intelligence-specific role.",
    ),
    (
        "article",
        "For example, it’s important to know that a machine learning engineer is not an "
        "entry-level position, but one that often requires experience in data science and "
        "software engineering — plus an advanced degree. For a career in machine learning, "
        "you may want to start in a software engineer, software programmer, software developer, "
        "data scientist or computer engineer role.",
    ),
]


def split_bodies(apps, schema_editor):
    EducationStep = apps.get_model("careers", "EducationStep")
    EducationPassage = apps.get_model("careers", "EducationPassage")
    Source = apps.get_model("core", "Source")
    sources = {
        s.slug: s for s in Source.objects.filter(slug__in=["article", "discover-data-science"])
    }
    whole = " ".join(text for _slug, text in EXPERIENCE_SPLIT)
    for step in EducationStep.objects.all():
        if step.body.strip() == whole and len(sources) == 2:
            for order, (slug, text) in enumerate(EXPERIENCE_SPLIT, start=1):
                EducationPassage.objects.create(
                    step=step, order=order, text=text, source=sources[slug]
                )
            step.source = sources["article"]
            step.save(update_fields=["source"])
        elif step.body.strip():
            EducationPassage.objects.create(
                step=step, order=1, text=step.body, source_id=step.source_id
            )


def join_passages(apps, schema_editor):
    EducationStep = apps.get_model("careers", "EducationStep")
    for step in EducationStep.objects.all():
        step.body = " ".join(p.text for p in step.passages.order_by("order", "pk"))
        step.save(update_fields=["body"])


def grant_editors(apps, schema_editor):
    # Editors edit a step's passages with the step (careers 0002 froze the group's models).
    using = schema_editor.connection.alias
    create_permissions(global_apps.get_app_config("careers"), verbosity=0, using=using, apps=apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.using(using).filter(name=EDITORS_GROUP).first()
    if group is None:
        return
    permissions = list(
        Permission.objects.using(using).filter(
            content_type__app_label="careers", codename__in=PASSAGE_PERMISSIONS
        )
    )
    if len(permissions) != len(PASSAGE_PERMISSIONS):
        raise RuntimeError("Some education passage permissions are missing.")
    group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("careers", "0025_editors_edit_alternative_occupations"),
        ("core", "0002_source_edit_version"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        # Blank for the way back, so that the column returns to rows that have it empty until
        # join_passages fills it.
        *(
            migrations.AlterField(
                model_name=name,
                name="body",
                field=models.TextField(
                    blank=True, help_text="What the step involves, in the source's words."
                ),
            )
            for name in ("educationstep", "historicaleducationstep")
        ),
        migrations.CreateModel(
            name="HistoricalEducationPassage",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "version",
                    models.PositiveIntegerField(
                        default=1,
                        editable=False,
                        help_text="Raised by one at every save; a form opened at an older number cannot save.",
                    ),
                ),
                (
                    "order",
                    models.PositiveSmallIntegerField(
                        default=0, help_text="Position in the step: lower numbers come first."
                    ),
                ),
                ("text", models.TextField(help_text="The sentences, in the source's words.")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
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
                (
                    "source",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Who wrote these sentences: the guide itself, or whom it credits for them. Leave empty only if the text does not say.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.source",
                    ),
                ),
                (
                    "step",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="careers.educationstep",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical education passage",
                "verbose_name_plural": "historical education passages",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="EducationPassage",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "version",
                    models.PositiveIntegerField(
                        default=1,
                        editable=False,
                        help_text="Raised by one at every save; a form opened at an older number cannot save.",
                    ),
                ),
                (
                    "order",
                    models.PositiveSmallIntegerField(
                        default=0, help_text="Position in the step: lower numbers come first."
                    ),
                ),
                ("text", models.TextField(help_text="The sentences, in the source's words.")),
                (
                    "source",
                    models.ForeignKey(
                        blank=True,
                        help_text="Who wrote these sentences: the guide itself, or whom it credits for them. Leave empty only if the text does not say.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="core.source",
                    ),
                ),
                (
                    "step",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="passages",
                        to="careers.educationstep",
                    ),
                ),
            ],
            options={
                "ordering": ["order", "pk"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("step", "order"),
                        name="educationpassage_unique_step_order",
                        violation_error_message="This step already has a passage at that position.",
                    )
                ],
            },
        ),
        migrations.RunPython(split_bodies, join_passages),
        migrations.RunPython(grant_editors, migrations.RunPython.noop),
    ]
