"""Role.median_pay (stored for the role list's filters and sort) always equals what the
salaries say, from the write that changes them on: the median of the newest record that gives
one."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from careers.models import Role, Salary
from tests.factories import RoleFactory, SalaryFactory, SourceFactory

pytestmark = pytest.mark.django_db


def stored(role):
    return Role.objects.values_list("median_pay", flat=True).get(pk=role.pk)


def assert_every_role_consistent():
    live = Role.objects.annotate(live=Salary.objects.newest_median()).values_list(
        "slug", "median_pay", "live"
    )
    assert [(slug, pay) for slug, pay, _ in live] == [(slug, now) for slug, _, now in live]


def test_follows_salary_saves_and_deletes(committed):
    role = RoleFactory()
    assert stored(role) is None
    with committed():
        old = SalaryFactory(role=role, median=100_000, as_of=datetime.date(2023, 1, 1))
    assert stored(role) == 100_000
    with committed():
        new = SalaryFactory(role=role, median=150_000, as_of=datetime.date(2025, 2, 1))
    assert stored(role) == 150_000
    new.median = 155_000
    with committed():
        new.save()
    assert stored(role) == 155_000
    with committed():
        new.delete()
    assert stored(role) == 100_000
    with committed():
        old.delete()
    assert stored(role) is None


def test_the_figure_is_written_with_the_record_and_rolls_back_with_it():
    role = RoleFactory()
    with pytest.raises(RuntimeError), transaction.atomic():
        SalaryFactory(role=role, median=100_000)
        assert stored(role) == 100_000  # the same transaction sees it at once
        raise RuntimeError("the write fails later on")
    assert stored(role) is None


def test_one_role_update_per_salary_save_for_just_its_role():
    roles = RoleFactory.create_batch(3)
    salaries = [SalaryFactory.build(role=role, source=SourceFactory()) for role in roles * 2]
    with CaptureQueriesContext(connection) as queries:
        for salary in salaries:
            salary.save()
    role_updates = [q["sql"] for q in queries if q["sql"].startswith('UPDATE "careers_role"')]
    assert len(role_updates) == len(salaries)
    assert None not in {stored(role) for role in roles}


def test_a_newer_record_without_a_median_leaves_the_figure_alone(committed):
    role = RoleFactory()
    with committed():
        SalaryFactory(role=role, median=120_000, as_of=datetime.date(2023, 1, 1))
        SalaryFactory(role=role, median=None, average=130_000, as_of=datetime.date(2025, 2, 1))
    assert stored(role) == 120_000


def test_moving_a_record_to_another_role_updates_both(committed):
    first, second = RoleFactory(), RoleFactory()
    with committed():
        salary = SalaryFactory(role=first, median=99_000)
    salary = Salary.objects.get(pk=salary.pk)  # as the admin loads it
    salary.role = second
    with committed():
        salary.save()
    assert (stored(first), stored(second)) == (None, 99_000)


def test_saving_a_stale_role_instance_does_not_leave_an_old_figure(committed):
    role = RoleFactory()
    stale = Role.objects.get(pk=role.pk)
    with committed():
        SalaryFactory(role=role, median=140_000)
    stale.title = "Renamed"
    with committed():
        stale.save()  # writes the median_pay it was loaded with (none)
    assert stored(role) == 140_000


def test_article_fixtures_and_synthetic_roles_load_consistent(article_data, committed):
    with committed():
        call_command("generate_synthetic_roles", "50", verbosity=0)
    assert Role.objects.filter(median_pay__isnull=False).count() > 50
    assert_every_role_consistent()


def test_a_role_loaded_after_its_salaries_still_gets_its_figure(article_data, committed, tmp_path):
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
    with committed():
        call_command("loaddata", str(dump), verbosity=0)
    assert stored(role) == expected


def test_deleting_synthetic_roles_updates_no_role_salary_by_salary(
    article_data, committed, django_assert_max_num_queries
):
    with committed():
        call_command("generate_synthetic_roles", "200", verbosity=0)
    # Loading and deleting in batches: a few dozen queries, not one UPDATE per salary.
    with django_assert_max_num_queries(60), committed():
        call_command("generate_synthetic_roles", "--delete", verbosity=0)
    assert not Role.objects.filter(is_synthetic=True).exists()
    assert_every_role_consistent()
