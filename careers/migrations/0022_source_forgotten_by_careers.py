"""The last step of moving Source to core: careers forgets it once no app's state points at
it in careers. No table changes."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("careers", "0021_source_moved_to_core"),
        ("faq", "0004_source_moved_to_core"),
        ("official", "0003_source_moved_to_core"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay as they are: only Django's idea of which app owns them changes.
            state_operations=[
                migrations.DeleteModel(
                    name="Source",
                ),
            ],
            database_operations=[],
        ),
    ]
