"""The admin pages an editor uses (issue 11), by name: what the browser tests visit."""

from django.urls import reverse

from careers.models import OutlookStatistic, Role, Salary, Source

ROLE = "machine-learning-engineer"


def admin_pages():
    """(name, path) for each page; the article's data must be loaded."""
    role = Role.objects.get(slug=ROLE)
    salary = Salary.objects.get(role=role, source__slug="article")
    source = Source.objects.get(slug="glassdoor")
    statistic = OutlookStatistic.objects.order_by("pk").first()
    return [
        ("admin-index", reverse("admin:index")),
        ("admin-to-do", reverse("editors:todo")),
        ("admin-role-list", reverse("admin:careers_role_changelist")),
        ("admin-role-form", reverse("admin:careers_role_change", args=[role.pk])),
        ("admin-role-history", reverse("admin:careers_role_history", args=[role.pk])),
        ("admin-salary-list", reverse("admin:careers_salary_changelist")),
        ("admin-salary-list-old", reverse("admin:careers_salary_changelist") + "?age=old"),
        ("admin-salary-form", reverse("admin:careers_salary_change", args=[salary.pk])),
        ("admin-salary-history", reverse("admin:careers_salary_history", args=[salary.pk])),
        (
            "admin-salary-revert",
            reverse(
                "admin:careers_salary_simple_history",
                args=[salary.pk, salary.history.earliest().history_id],
            ),
        ),
        ("admin-salary-import", reverse("admin:careers_salary_import")),
        ("admin-salary-export", reverse("admin:careers_salary_export")),
        ("admin-source-list", reverse("admin:core_source_changelist")),
        ("admin-source-form", reverse("admin:core_source_change", args=[source.pk])),
        ("admin-outlook-list", reverse("admin:careers_outlookstatistic_changelist")),
        (
            "admin-outlook-form",
            reverse("admin:careers_outlookstatistic_change", args=[statistic.pk]),
        ),
    ]
