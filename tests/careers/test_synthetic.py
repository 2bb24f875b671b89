"""generate_synthetic_roles: plausible, deterministic, fast, and removable without a trace."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from careers.models import Role, Salary, Source
from tests.factories import SkillFactory


def generate(*args):
    call_command("generate_synthetic_roles", *args, verbosity=0)


def dump():
    out = io.StringIO()
    call_command("dumpdata", "careers", "faq", "--natural-foreign", "--indent=1", stdout=out)
    return out.getvalue()


def snapshot():
    """What the generator decided, independent of primary keys."""
    return [
        (
            role.title,
            role.stage_id,
            sorted(rs.skill.slug for rs in role.role_skills.all()),
            sorted(c.slug for c in role.hiring_companies.all()),
            [(s.median, s.low, s.high) for s in role.salaries.all()],
        )
        for role in Role.objects.filter(is_synthetic=True)
        .order_by("title")
        .prefetch_related("role_skills__skill", "hiring_companies", "salaries")
    ]


@pytest.mark.django_db
def test_refuses_cleanly_without_skills():
    with pytest.raises(CommandError, match="no skills"):
        generate("10")
    assert not Role.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("count", ["0", "-5", "100001"])
def test_refuses_a_count_out_of_range(count):
    SkillFactory()
    with pytest.raises(CommandError, match="from 1 to"):
        generate(count)


def test_roles_are_marked_synthetic_and_linked_to_existing_data(article_data):
    generate("200")
    roles = Role.objects.filter(is_synthetic=True).annotate(
        n_skills=Count("role_skills", distinct=True),
        n_companies=Count("hiring_companies", distinct=True),
    )
    assert roles.count() == 200
    for role in roles:
        assert role.title.startswith("Synthetic ")
        assert role.slug.startswith("synthetic-")
        assert 1 <= role.n_skills <= 4
        assert 0 <= role.n_companies <= 3
    assert Role.objects.filter(is_synthetic=True, stage__isnull=False).exists()
    assert not Role.objects.filter(is_synthetic=False, slug__startswith="synthetic-").exists()


def test_every_synthetic_role_has_plausible_pay_from_the_marked_source(article_data):
    generate("200")
    source = Source.objects.get(slug="synthetic-data")
    assert source.publisher == "careerguide synthetic data generator"
    salaries = Salary.objects.filter(role__is_synthetic=True)
    assert salaries.count() == 200
    assert set(salaries.values_list("source_id", flat=True)) == {source.pk}
    ranged = 0
    for salary in salaries:
        assert 60_000 <= salary.median < 250_000
        if salary.low is not None:
            ranged += 1
            assert 0 < salary.low <= salary.median <= salary.high
    assert 0 < ranged < 200


def test_is_deterministic(article_data):
    generate("50")
    first = snapshot()
    generate("--delete")
    generate("50")
    assert snapshot() == first


def test_a_second_run_adds_more_roles_with_new_names(article_data):
    generate("30")
    generate("30")
    titles = list(Role.objects.filter(is_synthetic=True).values_list("title", flat=True))
    assert len(titles) == len(set(titles)) == 60


def test_delete_leaves_the_article_data_byte_identical(article_data):
    before = dump()
    generate("300")
    assert dump() != before
    generate("--delete")
    assert not Role.objects.filter(is_synthetic=True).exists()
    assert not Source.objects.filter(slug="synthetic-data").exists()
    assert dump() == before


def test_roles_are_written_in_bulk_not_one_query_per_row(article_data):
    with CaptureQueriesContext(connection) as few:
        generate("10")
    with CaptureQueriesContext(connection) as many:
        generate("1000")
    assert Role.objects.filter(is_synthetic=True).count() == 1010
    # A thousand roles (with their skills, companies and salaries) take more batches than ten
    # (SQLite's batches are small), never a query per row: fewer than one per ten roles.
    assert len(many) - len(few) < 1000 / 10, len(many) - len(few)
