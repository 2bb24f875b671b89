"""Named, reusable reads on roles. Views and filters call these; they never build joins."""

from django.db import models
from django.db.models import OuterRef, Prefetch, Subquery


def _latest_salary_figure(field):
    """The newest value of one pay figure for the outer role, from any source."""
    from .models import Salary

    return Subquery(
        Salary.objects.filter(role=OuterRef("pk"), **{f"{field}__isnull": False})
        .order_by(models.F("as_of").desc(nulls_last=True), "pk")
        .values(field)[:1]
    )


class RoleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def with_pay(self):
        """Annotate median_pay, pay_low and pay_high (None where no source gives one)."""
        return self.annotate(
            median_pay=_latest_salary_figure("median"),
            pay_low=_latest_salary_figure("low"),
            pay_high=_latest_salary_figure("high"),
        )

    def for_list(self):
        """Everything one row of the role list shows, in a fixed number of queries."""
        from .models import RoleSkill

        return (
            self.published()
            .with_pay()
            .select_related("stage")
            .prefetch_related(
                Prefetch(
                    "role_skills",
                    queryset=RoleSkill.objects.select_related("skill"),
                )
            )
        )

    def for_page(self):
        """Everything a role's own page shows."""
        from .models import RoleSkill, Salary

        return (
            self.published()
            .with_pay()
            .select_related("stage", "description_source")
            .prefetch_related(
                Prefetch("role_skills", queryset=RoleSkill.objects.select_related("skill")),
                Prefetch("salaries", queryset=Salary.objects.select_related("source")),
                Prefetch("next_roles", queryset=self.model.objects.published().with_pay()),
                Prefetch("previous_roles", queryset=self.model.objects.published()),
                "hiring_companies",
            )
        )
