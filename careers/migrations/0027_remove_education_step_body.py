# The step's old text column goes in a migration of its own: PostgreSQL refuses to alter a table
# in the transaction that wrote its rows (the passages' deferred foreign-key checks are pending).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("careers", "0026_education_passages"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="educationstep",
            name="body",
        ),
        migrations.RemoveField(
            model_name="historicaleducationstep",
            name="body",
        ),
    ]
