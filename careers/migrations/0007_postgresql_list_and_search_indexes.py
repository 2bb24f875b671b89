"""PostgreSQL-only indexes that keep the role list flat as roles grow.

- The list's pay and title orders, over published roles only, so a page is an index scan of 25
  rows instead of a sort of every role (PostgreSQL sorts NULLs first in a DESC index unless told
  otherwise, hence one index per pay direction).
- Trigram GIN indexes (pg_trgm) on the upper-cased title, summary and description: `icontains`
  is UPPER(column) LIKE UPPER('%word%') on PostgreSQL, which these serve without changing what
  matches.

SQLite has neither NULLS LAST in an index nor trigram indexes; it reads its small tables fast
without them, so the operations do nothing there. The models do not declare these indexes (the
same definitions cannot be created on SQLite); this migration is where they live.
"""

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models
from django.db.models import F, Q
from django.db.models.functions import Upper

PUBLISHED = Q(is_published=True)


def role_indexes():
    return [
        models.Index(
            F("median_pay").desc(nulls_last=True),
            F("title").asc(),
            F("id").asc(),
            condition=PUBLISHED,
            name="role_published_pay_desc",
        ),
        models.Index(
            F("median_pay").asc(nulls_last=True),
            F("title").asc(),
            F("id").asc(),
            condition=PUBLISHED,
            name="role_published_pay_asc",
        ),
        models.Index(fields=["title", "id"], condition=PUBLISHED, name="role_published_title"),
        *[
            # fastupdate off: new rows go straight into the index instead of a pending list that
            # every search scans until a vacuum (measured: a search at 10,000 freshly added roles
            # cost twice its time at 1,000 with it on).
            GinIndex(
                OpClass(Upper(field), name="gin_trgm_ops"),
                name=f"role_{field}_trgm",
                fastupdate=False,
            )
            for field in ("title", "summary", "description")
        ],
    ]


def add(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    Role = apps.get_model("careers", "Role")
    for index in role_indexes():
        schema_editor.add_index(Role, index)


def remove(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    Role = apps.get_model("careers", "Role")
    for index in role_indexes():
        schema_editor.remove_index(Role, index)


class Migration(migrations.Migration):
    dependencies = [
        ("careers", "0006_ordering_ties_by_entry"),
    ]

    operations = [
        TrigramExtension(),
        migrations.RunPython(add, remove),
    ]
