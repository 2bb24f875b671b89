from django.db import migrations, models


def version_field():
    return models.PositiveIntegerField(
        default=1,
        editable=False,
        help_text="Raised by one at every save; a form opened at an older number cannot save.",
    )


class Migration(migrations.Migration):
    """The version column careers 0012 added to the source tables, now in core's state: the
    column exists already, so nothing is done to the database."""

    dependencies = [
        ("core", "0001_source_moved_from_careers"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(model_name="source", name="version", field=version_field()),
                migrations.AddField(
                    model_name="historicalsource", name="version", field=version_field()
                ),
            ],
        ),
    ]
