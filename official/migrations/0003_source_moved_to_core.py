"""Releases cite core.Source (moved from careers); no table changes."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_source_moved_from_careers"),
        ("official", "0002_editors_view_official"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay as they are: only Django's idea of which app owns them changes.
            state_operations=[
                migrations.AlterField(
                    model_name="release",
                    name="source",
                    field=models.ForeignKey(
                        help_text="The citation shown beside every figure of this release.",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="official_releases",
                        to="core.source",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
