"""The role list's reads around its page of roles: each row's skills and pay records, and the
choices the filter form offers (the page itself: role_search.py).

`tests/careers/test_role_list_read.py` checks these against the ORM's answers.
"""

from django.db import connection

from ..models import CareerStage, Company, Role, RoleSkill, Salary, Skill
from .sql import (
    HIRING,
    ROLE_SKILL_ORDER,
    SALARIES_WITH_SOURCES,
    SALARY_ORDER,
    Rows,
    placeholders,
    table,
    with_source,
)

_SKILL_NAMES_SQL = f"""
SELECT rs."role_id", sk."name"
FROM {table(RoleSkill)} rs JOIN {table(Skill)} sk ON sk."id" = rs."skill_id"
WHERE rs."role_id" IN ({{}})
ORDER BY {ROLE_SKILL_ORDER}
"""

_SALARIES_SQL = f"""{SALARIES_WITH_SOURCES}
WHERE s."role_id" IN ({{}})
ORDER BY {SALARY_ORDER}
"""

# Each choice list in its model's default order (Meta.ordering), as the form fields' querysets.
_CHOICES_SQL = {
    "skill": f'SELECT "id", "slug", "name" FROM {table(Skill)} ORDER BY "kind", "order", "name", "id"',
    "stage": f'SELECT "id", "slug", "name" FROM {table(CareerStage)} ORDER BY "order", "id"',
    # Only companies some published role lists as hiring: no choice that lists nothing.
    "company": f"""
SELECT c."id", c."slug", c."name" FROM {table(Company)} c
WHERE EXISTS (
    SELECT 1 FROM {HIRING[0]} h JOIN {table(Role)} r ON r."id" = h.{HIRING[1]}
    WHERE h.{HIRING[2]} = c."id" AND r."is_published"
)
ORDER BY c."name", c."id"
""",
}


def role_rows(roles):
    """Give each role its skill names (most important first) and its pay records (newest first).

    Sets `role.skill_names` and `role.salary_records` on every role in `roles`, in two queries.
    """
    by_id = {role.pk: role for role in roles}
    for role in roles:
        role.skill_names = []
        role.salary_records = []
    if not by_id:
        return roles
    ids = list(by_id)
    builder = Rows(connection.alias)
    with connection.cursor() as cursor:
        cursor.execute(_SKILL_NAMES_SQL.format(placeholders(ids)), ids)
        for role_id, name in cursor.fetchall():
            by_id[role_id].skill_names.append(name)
        cursor.execute(_SALARIES_SQL.format(placeholders(ids)), ids)
        for salary in with_source(cursor.fetchall(), Salary, builder):
            by_id[salary.role_id].salary_records.append(salary)
    return roles


def filter_choices():
    """{"skill" | "stage" | "company": [(id, slug, name), ...]}: what the filter form offers."""
    choices = {}
    with connection.cursor() as cursor:
        for name, sql in _CHOICES_SQL.items():
            cursor.execute(sql)
            choices[name] = cursor.fetchall()
    return choices
