"""Indeed's figure in Indeed's words: the guide quotes "a 53% growth rate since 2020" for the
machine learning engineer, not a growth rate of jobs. Databases loaded before keep an editor's
own label; only the old default is replaced."""

from django.db import migrations

OLD = "Growth rate of machine learning engineer jobs, per Indeed"
NEW = "Growth rate Indeed cites for machine learning engineer"


def relabel(apps, schema_editor):
    OutlookStatistic = apps.get_model("careers", "OutlookStatistic")
    OutlookStatistic.objects.filter(slug="indeed-growth-rate", label=OLD).update(label=NEW)


def restore(apps, schema_editor):
    OutlookStatistic = apps.get_model("careers", "OutlookStatistic")
    OutlookStatistic.objects.filter(slug="indeed-growth-rate", label=NEW).update(label=OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("careers", "0027_remove_education_step_body"),
    ]

    operations = [migrations.RunPython(relabel, restore)]
