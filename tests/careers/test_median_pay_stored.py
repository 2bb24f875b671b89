"""Role.median_pay (stored for the role list's filters and sort) always equals what the
salaries say: the median of the newest record that gives one."""

import datetime

import pytest
from django.core.management import call_command

from careers.models import Role, Salary
from careers.querysets import newest_median
from tests.factories import RoleFactory, SalaryFactory

pytestmark = pytest.mark.django_db


def stored(role):
    return Role.objects.values_list("median_pay", flat=True).get(pk=role.pk)


def assert_every_role_consistent():
    live = Role.objects.annotate(live=newest_median()).values_list("slug", "median_pay", "live")
    assert [(slug, pay) for slug, pay, _ in live] == [(slug, now) for slug, _, now in live]


def test_follows_salary_saves_and_deletes():
    role = RoleFactory()
    assert stored(role) is None
    old = SalaryFactory(role=role, median=100_000, as_of=datetime.date(2023, 1, 1))
    assert stored(role) == 100_000
    new = SalaryFactory(role=role, median=150_000, as_of=datetime.date(2025, 2, 1))
    assert stored(role) == 150_000
    new.median = 155_000
    new.save()
    assert stored(role) == 155_000
    new.delete()
    assert stored(role) == 100_000
    old.delete()
    assert stored(role) is None


def test_a_newer_record_without_a_median_leaves_the_figure_alone():
    role = RoleFactory()
    SalaryFactory(role=role, median=120_000, as_of=datetime.date(2023, 1, 1))
    SalaryFactory(role=role, median=None, average=130_000, as_of=datetime.date(2025, 2, 1))
    assert stored(role) == 120_000


def test_moving_a_record_to_another_role_updates_both():
    first, second = RoleFactory(), RoleFactory()
    salary = SalaryFactory(role=first, median=99_000)
    salary = Salary.objects.get(pk=salary.pk)  # as the admin loads it
    salary.role = second
    salary.save()
    assert (stored(first), stored(second)) == (None, 99_000)


def test_saving_a_stale_role_instance_does_not_write_an_old_figure_back():
    role = RoleFactory()
    stale = Role.objects.get(pk=role.pk)
    SalaryFactory(role=role, median=140_000)
    stale.title = "Renamed"
    stale.save()
    assert stored(role) == 140_000
    assert stale.median_pay == 140_000


def test_article_fixtures_and_synthetic_roles_load_consistent(article_data):
    call_command("generate_synthetic_roles", "50", verbosity=0)
    assert Role.objects.filter(median_pay__isnull=False).count() > 50
    assert_every_role_consistent()


def test_a_role_loaded_after_its_salaries_still_gets_its_figure(article_data, tmp_path):
    """Fixtures may list salaries before roles; the role's own save recomputes its figure."""
    role = Role.objects.get(slug="machine-learning-engineer")
    expected = stored(role)
    assert expected is not None
    Role.objects.filter(pk=role.pk).update(median_pay=1)  # as a stale dump would carry
    dump = tmp_path / "role.json"
    call_command(
        "dumpdata",
        "careers.role",
        "--natural-primary",
        "--natural-foreign",
        "--pks",
        str(role.pk),
        output=str(dump),
        verbosity=0,
    )
    call_command("loaddata", str(dump), verbosity=0)
    assert stored(role) == expected


def test_deleting_synthetic_roles_does_not_update_each_role_salary_by_salary(
    article_data, django_assert_max_num_queries
):
    call_command("generate_synthetic_roles", "200", verbosity=0)
    # Loading and deleting in batches: a few dozen queries, not one UPDATE per salary.
    with django_assert_max_num_queries(60):
        call_command("generate_synthetic_roles", "--delete", verbosity=0)
    assert not Role.objects.filter(is_synthetic=True).exists()
    assert_every_role_consistent()


def test_after_commit_the_figure_is_recomputed_again(django_capture_on_commit_callbacks):
    """A second pass once the transaction commits covers a concurrent save of the same role."""
    role = RoleFactory()
    with django_capture_on_commit_callbacks() as callbacks:
        SalaryFactory(role=role, median=111_000)
    Role.objects.filter(pk=role.pk).update(median_pay=1)  # as if a concurrent writer raced
    for callback in callbacks:
        callback()
    assert stored(role) == 111_000
