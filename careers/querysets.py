"""Named, reusable reads on roles. Views and filters call these; they never build joins."""

from django.db import models
from django.db.models import F, OuterRef, Subquery

# A pay range is shown only when one record gives both ends.
PAY_RANGE = ("low", "high")


def salary_recency():
    """Newest first, undated last, then oldest record: the one order every pay figure is picked by.

    The stored `Role.median_pay` (SQL) and `pick_salary()` (Python, over fetched rows) both pick
    the first record in this order that has the figures, so the number shown is the one filtered
    on.
    """
    return (F("as_of").desc(nulls_last=True), "pk")


def newest_median():
    """The median of the outer role's newest salary that gives one (what Role.median_pay stores)."""
    from .models import Salary

    return Subquery(
        Salary.objects.filter(role=OuterRef("pk"), median__isnull=False)
        .order_by(*salary_recency())
        .values("median")[:1]
    )


class RoleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def refresh_median_pay(self):
        """Recompute the stored median_pay of these roles from their salaries, in one UPDATE."""
        return self.update(median_pay=newest_median())


def pick_salary(salaries, *figures):
    """The first record (in `salary_recency()` order) that has every one of `figures`, or None.

    `salaries` must be the role's salaries in `salary_recency()` order, as the role list's and
    the role page's reads (careers/selectors/) give them; for "median" this is the record behind
    `median_pay`. A range (`*PAY_RANGE`) needs both ends in one record, so it is never one
    source's low beside another's high.
    """
    for salary in salaries:
        if all(getattr(salary, figure) is not None for figure in figures):
            return salary
    return None
