"""Role.search_document: the one text the role list's word search looks in, upper-cased, with
one trigram index on PostgreSQL (careers/search_document.py keeps it up to date; this fills it once).

The expression is repeated here rather than imported, so this migration keeps computing what
it computed even if the app's own version changes later.
"""

from django.contrib.postgres.indexes import GinIndex
from django.db import migrations, models
from django.db.models import Aggregate, F, OuterRef, Subquery, TextField, Value
from django.db.models.functions import Coalesce, Concat, Upper

SEPARATOR = "\n"


class JoinedLines(Aggregate):
    function = "STRING_AGG"
    output_field = TextField()

    def __init__(self, expression, **extra):
        super().__init__(expression, Value(SEPARATOR), **extra)

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, function="GROUP_CONCAT", **extra_context)


def search_index():
    # fastupdate off, as for the title and summary indexes (migration 0007): new documents go
    # straight into the index instead of a pending list every search would scan.
    return GinIndex(
        fields=["search_document"],
        opclasses=["gin_trgm_ops"],
        name="role_search_document_trgm",
        fastupdate=False,
    )


def fill(apps, schema_editor):
    Role = apps.get_model("careers", "Role")
    Skill = apps.get_model("careers", "Skill")

    def names(skills, group_by):
        grouped = skills.order_by().values(group_by).annotate(names=JoinedLines("name"))
        return Coalesce(Subquery(grouped.values("names")), Value(""), output_field=TextField())

    document = Concat(
        F("title"),
        Value(SEPARATOR),
        F("summary"),
        Value(SEPARATOR),
        F("description"),
        Value(SEPARATOR),
        names(Skill.objects.filter(role_skills__role=OuterRef("pk")), "role_skills__role"),
        Value(SEPARATOR),
        names(Skill.objects.filter(for_all_roles=True), "for_all_roles"),
        output_field=TextField(),
    )
    Role.objects.update(search_document=Upper(document))
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(Role, search_index())


def unfill(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("careers", "Role"), search_index())


class Migration(migrations.Migration):
    dependencies = [
        ("careers", "0022_source_forgotten_by_careers"),
    ]

    operations = [
        migrations.AddField(
            model_name="role",
            name="search_document",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(fill, unfill),
    ]
