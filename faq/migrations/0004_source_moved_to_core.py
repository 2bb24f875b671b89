"""FAQ entries cite core.Source (moved from careers); no table changes."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_source_moved_from_careers"),
        ("faq", "0003_edit_version"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay as they are: only Django's idea of which app owns them changes.
            state_operations=[
                migrations.AlterField(
                    model_name="faqentry",
                    name="source",
                    field=models.ForeignKey(
                        blank=True,
                        help_text="Where the question and answer come from.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="core.source",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalfaqentry",
                    name="source",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Where the question and answer come from.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.source",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
