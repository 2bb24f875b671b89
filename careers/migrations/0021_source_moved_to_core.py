"""Source now lives in core (core migration 0001): the foreign keys point at it there, and
the careers app forgets the model. The tables are untouched."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("careers", "0012_edit_version"),
        ("core", "0001_source_moved_from_careers"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay as they are: only Django's idea of which app owns them changes.
            state_operations=[
                migrations.AlterField(
                    model_name="role",
                    name="description_source",
                    field=models.ForeignKey(
                        blank=True,
                        help_text="Where the summary and description come from.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="core.source",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicaleducationstep",
                    name="source",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Where this comes from. Leave empty only if the text does not say.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.source",
                    ),
                ),
                migrations.AlterField(
                    model_name="careerstage",
                    name="source",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="core.source",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalsalary",
                    name="source",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Who reported these figures.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.source",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalduty",
                    name="source",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Where this comes from. Leave empty only if the text does not say.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.source",
                    ),
                ),
                migrations.AlterField(
                    model_name="outlookstatistic",
                    name="source",
                    field=models.ForeignKey(
                        blank=True,
                        help_text="Where this comes from. Leave empty only if the text does not say.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="core.source",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalcareerstage",
                    name="source",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.source",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalrole",
                    name="description_source",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Where the summary and description come from.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.source",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalskill",
                    name="source",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Where this skill is listed.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.source",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicaloutlookstatistic",
                    name="source",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Where this comes from. Leave empty only if the text does not say.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.source",
                    ),
                ),
                migrations.AlterField(
                    model_name="salary",
                    name="source",
                    field=models.ForeignKey(
                        help_text="Who reported these figures.",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="salaries",
                        to="core.source",
                    ),
                ),
                migrations.AlterField(
                    model_name="educationstep",
                    name="source",
                    field=models.ForeignKey(
                        blank=True,
                        help_text="Where this comes from. Leave empty only if the text does not say.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="core.source",
                    ),
                ),
                migrations.AlterField(
                    model_name="duty",
                    name="source",
                    field=models.ForeignKey(
                        blank=True,
                        help_text="Where this comes from. Leave empty only if the text does not say.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="core.source",
                    ),
                ),
                migrations.AlterField(
                    model_name="application",
                    name="source",
                    field=models.ForeignKey(
                        blank=True,
                        help_text="Where this comes from. Leave empty only if the text does not say.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="core.source",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalquote",
                    name="source",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Where this comes from. Leave empty only if the text does not say.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.source",
                    ),
                ),
                migrations.AlterField(
                    model_name="skill",
                    name="source",
                    field=models.ForeignKey(
                        blank=True,
                        help_text="Where this skill is listed.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="skills",
                        to="core.source",
                    ),
                ),
                migrations.AlterField(
                    model_name="quote",
                    name="source",
                    field=models.ForeignKey(
                        blank=True,
                        help_text="Where this comes from. Leave empty only if the text does not say.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="core.source",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalapplication",
                    name="source",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Where this comes from. Leave empty only if the text does not say.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.source",
                    ),
                ),
                migrations.DeleteModel(
                    name="HistoricalSource",
                ),
            ],
            database_operations=[],
        ),
    ]
