"""Named, reusable reads on roles. Views and filters call these; they never build joins."""

from django.db import models
from django.db.models import F, OuterRef, Subquery

# A pay range is shown only when one record gives both ends.
PAY_RANGE = ("low", "high")


def salary_recency():
    """Newest first, undated last, then oldest record: the one order every pay figure is picked by.

    The stored `Role.median_pay`, `with_pay()` (SQL) and `pick_salary()` (Python, over fetched
    rows) all pick the first record in this order that has the figures, so the number shown is
    the one filtered on.
    """
    return (F("as_of").desc(nulls_last=True), "pk")


def _latest_salary_figure(field, *, from_record_with=None):
    """`field` of the outer role's newest salary that has every figure in `from_record_with`.

    Figures that are shown together (a range's low and high) pass the same `from_record_with`,
    so both come from one record and one citation, never one source's low beside another's high.
    """
    from .models import Salary

    required = from_record_with or (field,)
    return Subquery(
        Salary.objects.filter(
            role=OuterRef("pk"), **{f"{figure}__isnull": False for figure in required}
        )
        .order_by(*salary_recency())
        .values(field)[:1]
    )


class RoleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def with_pay(self):
        """Annotate pay_low and pay_high from the newest record with both (median_pay is stored).

        Each is None where no source gives it; the range is None unless one record gives both.
        """
        return self.annotate(
            pay_low=_latest_salary_figure("low", from_record_with=PAY_RANGE),
            pay_high=_latest_salary_figure("high", from_record_with=PAY_RANGE),
        )

    def refresh_median_pay(self):
        """Recompute the stored median_pay of these roles from their salaries, in one UPDATE."""
        return self.update(median_pay=_latest_salary_figure("median"))


def pick_salary(salaries, *figures):
    """The first record (in `salary_recency()` order) that has every one of `figures`, or None.

    `salaries` must be the role's salaries in `salary_recency()` order, as the role list's and
    the role page's reads (careers/selectors/) give them; for "median" this is the record behind
    `median_pay`, for `*PAY_RANGE` the record behind `pay_low` and `pay_high`.
    """
    for salary in salaries:
        if all(getattr(salary, figure) is not None for figure in figures):
            return salary
    return None
