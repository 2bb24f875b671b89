from django.db import migrations, models
from django.db.models import F, OuterRef, Subquery


def fill_median_pay(apps, schema_editor):
    """Existing roles get the median the list used to compute per request (salary_recency())."""
    Role = apps.get_model("careers", "Role")
    Salary = apps.get_model("careers", "Salary")
    newest_median = (
        Salary.objects.filter(role=OuterRef("pk"), median__isnull=False)
        .order_by(F("as_of").desc(nulls_last=True), "pk")
        .values("median")[:1]
    )
    Role.objects.update(median_pay=Subquery(newest_median))


class Migration(migrations.Migration):
    dependencies = [
        ("careers", "0004_salary_role_recency_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="role",
            name="median_pay",
            field=models.PositiveIntegerField(
                blank=True,
                db_index=True,
                editable=False,
                help_text="The median of the newest pay record that gives one; kept up to date automatically.",
                null=True,
                verbose_name="median pay (newest record)",
            ),
        ),
        migrations.RunPython(fill_median_pay, migrations.RunPython.noop),
    ]
