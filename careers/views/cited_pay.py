"""Roles with the pay record behind their median, so a page can cite the figure it shows."""

from django.db.models import Prefetch

from ..models import Role, Salary
from ..querysets import salary_recency


def median_salaries():
    """Salaries with a median, newest first: the same order `salary_recency()` gives the role list."""
    return (
        Salary.objects.filter(median__isnull=False)
        .select_related("source")
        .order_by(*salary_recency())
    )


def roles_with_cited_pay(queryset=None):
    """Published roles; `role.median_salaries[0]` (if any) is the record to show and cite."""
    queryset = Role.objects.published() if queryset is None else queryset
    return queryset.prefetch_related(
        Prefetch("salaries", queryset=median_salaries(), to_attr="median_salaries")
    )
