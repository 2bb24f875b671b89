"""The role page's read: one role and everything around it, in eight short SQL statements.

`tests/careers/test_role_page_read.py` checks this read against the ORM's answer on random data.
"""

from dataclasses import dataclass, field

from django.db import connection

from faq.models import FaqEntry

from ..models import (
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
from ..querysets import pick_salary
from .sql import (
    HIRING,
    ROLE_SKILL_ORDER,
    SALARIES_WITH_SOURCES,
    SALARY_ORDER,
    Rows,
    columns,
    m2m,
    table,
    with_source,
)

_ROLE_SQL = f"""
SELECT {columns(Role, "r")}, {columns(CareerStage, "st")}, {columns(Source, "src")}
FROM {table(Role)} r
LEFT JOIN {table(CareerStage)} st ON st."id" = r."stage_id"
LEFT JOIN {table(Source)} src ON src."id" = r."description_source_id"
WHERE r."slug" = %s AND r."is_published"
"""

_SKILLS_SQL = f"""
SELECT {columns(RoleSkill, "rs")}, {columns(Skill, "sk")}
FROM {table(RoleSkill)} rs JOIN {table(Skill)} sk ON sk."id" = rs."skill_id"
WHERE rs."role_id" = %s
ORDER BY {ROLE_SKILL_ORDER}
"""

_NEXT = m2m(Role, "next_roles")  # (table, from_role_id, to_role_id)
# Roles this one leads to and roles that lead here, published only, in title order.
_LINKED_SQL = f"""
SELECT l.{_NEXT[1]} = %s, {columns(Role, "r")}
FROM {_NEXT[0]} l
JOIN {table(Role)} r ON r."id" = CASE WHEN l.{_NEXT[1]} = %s THEN l.{_NEXT[2]} ELSE l.{_NEXT[1]} END
WHERE (l.{_NEXT[1]} = %s OR l.{_NEXT[2]} = %s) AND r."is_published"
ORDER BY r."title", r."id"
"""

# The salaries of this role and of the roles it leads to (their median is shown beside them).
_SALARIES_SQL = f"""{SALARIES_WITH_SOURCES}
WHERE s."role_id" = %s OR s."role_id" IN (
    SELECT l.{_NEXT[2]} FROM {_NEXT[0]} l WHERE l.{_NEXT[1]} = %s
)
ORDER BY {SALARY_ORDER}
"""

_COMPANIES_SQL = f"""
SELECT {columns(Company, "c")}
FROM {HIRING[0]} h JOIN {table(Company)} c ON c."id" = h.{HIRING[2]}
WHERE h.{HIRING[1]} = %s
ORDER BY c."name", c."id"
"""

_RELATED = m2m(FaqEntry, "related_roles")  # (table, faqentry_id, role_id)
_FAQ_SQL = f"""
SELECT {columns(FaqEntry, "f")}
FROM {_RELATED[0]} rr JOIN {table(FaqEntry)} f ON f."id" = rr.{_RELATED[1]}
WHERE rr.{_RELATED[2]} = %s AND f."is_published"
ORDER BY f."topic", f."order", f."id"
"""


def _ordered_content_sql(model):
    return f"""
SELECT {columns(model, "o")}, {columns(Source, "src")}
FROM {table(model)} o LEFT JOIN {table(Source)} src ON src."id" = o."source_id"
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


def role_page(slug):
    """Everything a published role's page shows, or None when there is no such published role."""
    builder = Rows(connection.alias)
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
        salaries = with_source(cursor.fetchall(), Salary, builder)
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
        page.duties = with_source(cursor.fetchall(), Duty, builder)
        cursor.execute(_STEPS_SQL)
        page.education_steps = with_source(cursor.fetchall(), EducationStep, builder)
    return page
