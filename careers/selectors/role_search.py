"""The role list's filtered, sorted rows: the validated filters turned into one WHERE clause.

The FilterSet (careers/filters.py) validates the query string; this runs the result as two
statements (a count and the page), which is what the Paginator asks of it. Written as SQL for
the reason in sql.py: the ORM spent longer compiling the count and the page, with their search
and skill subqueries, than SQLite spent running them. Every value is a query parameter; the
SQL text comes only from this module. Tests: tests/careers/test_role_search.py checks it
against ORM filters on random data, besides the role list's own tests.
"""

from django.db import connection

from ..models import CareerStage, Role, RoleSkill, Skill
from .sql import HIRING, Rows, columns, table

# Sort keys the list offers (filters.SORT_CHOICES): roles without pay last in both pay orders.
ORDER_BY = {
    "-pay": 'r."median_pay" IS NULL, r."median_pay" DESC, r."title", r."id"',
    "pay": 'r."median_pay" IS NULL, r."median_pay", r."title", r."id"',
    "title": 'r."title", r."id"',
    "-title": 'r."title" DESC, r."id" DESC',
}

_FROM = f"""FROM {table(Role)} r"""
_PAGE_SQL = f"""
SELECT {columns(Role, "r")}, {columns(CareerStage, "st")}
{_FROM} LEFT JOIN {table(CareerStage)} st ON st."id" = r."stage_id"
WHERE {{where}}
ORDER BY {{order}}
LIMIT %s OFFSET %s
"""
_COUNT_SQL = f"SELECT COUNT(*) {_FROM} WHERE {{where}}"

# One word must appear (case-insensitively) in the title, summary, description or a skill name.
# Both sides lowered by the database, so a word and a column fold case by the same rules
# (SQLite's LOWER folds ASCII only, as its LIKE does; PostgreSQL folds all of Unicode).
_LIKE = "LIKE LOWER(%s) ESCAPE '\\'"
_WORD = f"""(
    LOWER(r."title") {_LIKE} OR LOWER(r."summary") {_LIKE} OR LOWER(r."description") {_LIKE}
    OR EXISTS (
        SELECT 1 FROM {table(RoleSkill)} rs JOIN {table(Skill)} sk ON sk."id" = rs."skill_id"
        WHERE rs."role_id" = r."id" AND LOWER(sk."name") {_LIKE}
    )
)"""
_WITH_SKILL = f'r."id" IN (SELECT rs."role_id" FROM {table(RoleSkill)} rs WHERE rs."skill_id" = %s)'
_HIRING_AT = f'r."id" IN (SELECT h.{HIRING[1]} FROM {HIRING[0]} h WHERE h.{HIRING[2]} = %s)'


def _contains(word):
    """A LIKE pattern matching `word` anywhere, its own % and _ taken literally."""
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class RoleSearch:
    """Published roles matching every given filter, in `sort` order.

    Answers `count()` and slices (`search[0:25]`) as a QuerySet would, so Django's Paginator
    pages it. `words`: each must match; `skill_ids`: the role needs every one; pay bounds apply
    to the stored median, so roles without pay drop out while a bound is set.
    """

    ordered = True

    def __init__(
        self,
        *,
        words=(),
        pay_min=None,
        pay_max=None,
        skill_ids=(),
        stage_id=None,
        company_id=None,
        sort="-pay",
    ):
        where, params = ['r."is_published"'], []
        for word in words:
            where.append(_WORD)
            params.extend([_contains(word)] * 4)
        if pay_min is not None:
            where.append('r."median_pay" >= %s')
            params.append(pay_min)
        if pay_max is not None:
            where.append('r."median_pay" <= %s')
            params.append(pay_max)
        for skill_id in dict.fromkeys(skill_ids):  # a skill given twice is one condition
            where.append(_WITH_SKILL)
            params.append(skill_id)
        if stage_id is not None:
            where.append('r."stage_id" = %s')
            params.append(stage_id)
        if company_id is not None:
            where.append(_HIRING_AT)
            params.append(company_id)
        self.where = " AND ".join(where)
        self.params = params
        self.order = ORDER_BY[sort]
        self._count = None

    def count(self):
        if self._count is None:
            with connection.cursor() as cursor:
                cursor.execute(_COUNT_SQL.format(where=self.where), self.params)
                self._count = cursor.fetchone()[0]
        return self._count

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step not in (None, 1):
            raise TypeError("RoleSearch takes plain slices, as the Paginator uses.")
        start = index.start or 0
        stop = index.stop if index.stop is not None else start + self.count()
        if stop <= start:
            return []
        sql = _PAGE_SQL.format(where=self.where, order=self.order)
        builder = Rows(connection.alias)
        roles = []
        with connection.cursor() as cursor:
            cursor.execute(sql, [*self.params, stop - start, start])
            for row in cursor.fetchall():
                role, end = builder.take(Role, row, 0)
                role.stage = builder.take(CareerStage, row, end)[0]
                roles.append(role)
        return roles
