"""What the hand-written reads share: SQL written from model metadata, rows into model instances.

Why hand-written SQL at all: profiling the role page and the role list (README.md, "Speed") showed
SQLite answering each query in ~0.05 ms while Django spent ~0.3-0.6 ms a query compiling SQL
and walking prefetch machinery. These statements are written once, at import, from the models'
own metadata (table and column names, every concrete field), and rows become ordinary model
instances through `Model.from_db`, so templates call the same methods and properties as anywhere
else. They use only SQL that SQLite and PostgreSQL share, and each read is tested against the
ORM's answer.
"""

from ..models import Role, Salary, Source


def columns(model, alias):
    """Every concrete column of `model`, in field order: what `Model.from_db` expects."""
    return ", ".join(f'{alias}."{f.column}"' for f in model._meta.concrete_fields)


def width(model):
    return len(model._meta.concrete_fields)


def table(model):
    return f'"{model._meta.db_table}"'


def m2m(model, name):
    """(table, this side's column, other side's column) of a many-to-many field."""
    through = model._meta.get_field(name).remote_field.through._meta
    fields = [f for f in through.get_fields() if f.many_to_one]
    return (f'"{through.db_table}"', *(f'"{f.column}"' for f in fields))


# "Newest first, undated last, then oldest record": salary_recency() in portable SQL
# (NULLS LAST is not in every database this runs on).
SALARY_ORDER = 's."as_of" IS NULL, s."as_of" DESC, s."id"'

# RoleSkill's Meta.ordering (importance, then the skill's order and name) over `rs` and `sk`.
ROLE_SKILL_ORDER = 'rs."importance", sk."order", sk."name", rs."id"'

# (table, role column, company column) of Role.hiring_companies.
HIRING = m2m(Role, "hiring_companies")

# Salaries (`s`) with their sources (`src`): add WHERE and ORDER BY, read with `with_source`.
SALARIES_WITH_SOURCES = f"""
SELECT {columns(Salary, "s")}, {columns(Source, "src")}
FROM {table(Salary)} s LEFT JOIN {table(Source)} src ON src."id" = s."source_id"
"""


class Rows:
    """Builds model instances from one wide row, `model` by `model`, left to right."""

    def __init__(self, db):
        self.db = db
        self.sources = {}

    def take(self, model, row, start):
        end = start + width(model)
        values = row[start:end]
        if values[0] is None:  # the LEFT JOIN found nothing
            return None, end
        return model.from_db(self.db, None, values), end

    def source(self, row, start):
        """Sources repeat on many rows; one instance each, as select_related would not give."""
        source_id = row[start]
        if source_id is None:
            return None
        if source_id not in self.sources:
            self.sources[source_id] = self.take(Source, row, start)[0]
        return self.sources[source_id]


def with_source(rows, model, builder):
    """`model` instances from rows of (model's columns, Source's columns), sources attached."""
    items = []
    for row in rows:
        item, end = builder.take(model, row, 0)
        item.source = builder.source(row, end)
        items.append(item)
    return items


def placeholders(values):
    """The placeholders of an IN (...) list of `values`: %s, %s, ..."""
    return ", ".join(["%s"] * len(values))
