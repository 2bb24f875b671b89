"""The role page's read: one role and everything around it, in eight short SQL statements.

Why not the ORM here: profiling the role page (bench/README.md) showed SQLite answering each of
its queries in ~0.05 ms while Django spent ~0.3-0.6 ms per query compiling SQL and walking
prefetch machinery: ten queries were two thirds of the request. The statements below are
written once, at import, from the models' own metadata (table and column names, every concrete
field), and rows become ordinary model instances through `Model.from_db`, so templates call the
same methods and properties as anywhere else. They use only SQL that SQLite and PostgreSQL share.

`tests/careers/test_role_page_read.py` checks this read against the ORM's answer on random data.
"""

from dataclasses import dataclass, field

from django.db import connection

from faq.models import FaqEntry

from .models import (
    CareerStage,
    Company,
    Duty,
    EducationStep,
    Role,
    RoleSkill,
    Salary,
    Skill,
    SkillKind,
    Source,
)
from .querysets import pick_salary


def _columns(model, alias):
    """Every concrete column of `model`, in field order: what `Model.from_db` expects."""
    return ", ".join(f'{alias}."{f.column}"' for f in model._meta.concrete_fields)


def _width(model):
    return len(model._meta.concrete_fields)


def _table(model):
    return f'"{model._meta.db_table}"'


def _m2m(model, name):
    """(table, this side's column, other side's column) of a many-to-many field."""
    through = model._meta.get_field(name).remote_field.through._meta
    fields = [f for f in through.get_fields() if f.many_to_one]
    return (f'"{through.db_table}"', *(f'"{f.column}"' for f in fields))


# "Newest first, undated last, then oldest record": salary_recency() in portable SQL
# (NULLS LAST is not in every database this runs on).
_SALARY_ORDER = 's."as_of" IS NULL, s."as_of" DESC, s."id"'

_ROLE_SQL = f"""
SELECT {_columns(Role, "r")}, {_columns(CareerStage, "st")}, {_columns(Source, "src")}
FROM {_table(Role)} r
LEFT JOIN {_table(CareerStage)} st ON st."id" = r."stage_id"
LEFT JOIN {_table(Source)} src ON src."id" = r."description_source_id"
WHERE r."slug" = %s AND r."is_published"
"""

_SKILLS_SQL = f"""
SELECT {_columns(RoleSkill, "rs")}, {_columns(Skill, "sk")}
FROM {_table(RoleSkill)} rs JOIN {_table(Skill)} sk ON sk."id" = rs."skill_id"
WHERE rs."role_id" = %s
ORDER BY rs."importance", sk."order", sk."name", rs."id"
"""

_NEXT = _m2m(Role, "next_roles")  # (table, from_role_id, to_role_id)
# Roles this one leads to and roles that lead here, published only, in title order.
_LINKED_SQL = f"""
SELECT l.{_NEXT[1]} = %s, {_columns(Role, "r")}
FROM {_NEXT[0]} l
JOIN {_table(Role)} r ON r."id" = CASE WHEN l.{_NEXT[1]} = %s THEN l.{_NEXT[2]} ELSE l.{_NEXT[1]} END
WHERE (l.{_NEXT[1]} = %s OR l.{_NEXT[2]} = %s) AND r."is_published"
ORDER BY r."title", r."id"
"""

# The salaries of this role and of the roles it leads to (their median is shown beside them).
_SALARIES_SQL = f"""
SELECT {_columns(Salary, "s")}, {_columns(Source, "src")}
FROM {_table(Salary)} s LEFT JOIN {_table(Source)} src ON src."id" = s."source_id"
WHERE s."role_id" = %s OR s."role_id" IN (
    SELECT l.{_NEXT[2]} FROM {_NEXT[0]} l WHERE l.{_NEXT[1]} = %s
)
ORDER BY {_SALARY_ORDER}
"""

_HIRING = _m2m(Role, "hiring_companies")
_COMPANIES_SQL = f"""
SELECT {_columns(Company, "c")}
FROM {_HIRING[0]} h JOIN {_table(Company)} c ON c."id" = h.{_HIRING[2]}
WHERE h.{_HIRING[1]} = %s
ORDER BY c."name", c."id"
"""

_RELATED = _m2m(FaqEntry, "related_roles")  # (table, faqentry_id, role_id)
_FAQ_SQL = f"""
SELECT {_columns(FaqEntry, "f")}
FROM {_RELATED[0]} rr JOIN {_table(FaqEntry)} f ON f."id" = rr.{_RELATED[1]}
WHERE rr.{_RELATED[2]} = %s AND f."is_published"
ORDER BY f."topic", f."order", f."id"
"""


def _ordered_content_sql(model):
    return f"""
SELECT {_columns(model, "o")}, {_columns(Source, "src")}
FROM {_table(model)} o LEFT JOIN {_table(Source)} src ON src."id" = o."source_id"
ORDER BY o."order", o."id"
"""


_DUTIES_SQL = _ordered_content_sql(Duty)
_STEPS_SQL = _ordered_content_sql(EducationStep)


@dataclass
class RolePage:
    role: Role
    technical_skills: list = field(default_factory=list)
    soft_skills: list = field(default_factory=list)
    salaries: list = field(default_factory=list)
    next_roles: list = field(default_factory=list)
    previous_roles: list = field(default_factory=list)
    companies: list = field(default_factory=list)
    faq_entries: list = field(default_factory=list)
    duties: list = field(default_factory=list)
    education_steps: list = field(default_factory=list)


class _Rows:
    """Builds model instances from one wide row, `model` by `model`, left to right."""

    def __init__(self, db):
        self.db = db
        self.sources = {}

    def take(self, model, row, start):
        end = start + _width(model)
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


def _with_source(rows, model, builder):
    items = []
    for row in rows:
        item, end = builder.take(model, row, 0)
        item.source = builder.source(row, end)
        items.append(item)
    return items


def role_page(slug):
    """Everything a published role's page shows, or None when there is no such published role."""
    builder = _Rows(connection.alias)
    with connection.cursor() as cursor:
        cursor.execute(_ROLE_SQL, [slug])
        row = cursor.fetchone()
        if row is None:
            return None
        role, end = builder.take(Role, row, 0)
        role.stage, end = builder.take(CareerStage, row, end)
        role.description_source = builder.source(row, end)
        page = RolePage(role=role)

        cursor.execute(_SKILLS_SQL, [role.pk])
        for row in cursor.fetchall():
            role_skill, end = builder.take(RoleSkill, row, 0)
            role_skill.skill = builder.take(Skill, row, end)[0]
            role_skill.role = role
            if role_skill.skill.kind == SkillKind.TECHNICAL:
                page.technical_skills.append(role_skill)
            elif role_skill.skill.kind == SkillKind.SOFT:
                page.soft_skills.append(role_skill)

        cursor.execute(_LINKED_SQL, [role.pk] * 4)
        for row in cursor.fetchall():
            linked = builder.take(Role, row, 1)[0]
            (page.next_roles if row[0] else page.previous_roles).append(linked)

        cursor.execute(_SALARIES_SQL, [role.pk, role.pk])
        salaries = _with_source(cursor.fetchall(), Salary, builder)
        page.salaries = [salary for salary in salaries if salary.role_id == role.pk]
        for linked in page.next_roles:
            linked.median_salary = pick_salary(
                (salary for salary in salaries if salary.role_id == linked.pk), "median"
            )

        cursor.execute(_COMPANIES_SQL, [role.pk])
        page.companies = [builder.take(Company, row, 0)[0] for row in cursor.fetchall()]
        cursor.execute(_FAQ_SQL, [role.pk])
        page.faq_entries = [builder.take(FaqEntry, row, 0)[0] for row in cursor.fetchall()]
        cursor.execute(_DUTIES_SQL)
        page.duties = _with_source(cursor.fetchall(), Duty, builder)
        cursor.execute(_STEPS_SQL)
        page.education_steps = _with_source(cursor.fetchall(), EducationStep, builder)
    return page
