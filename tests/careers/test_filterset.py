"""RoleFilter is a FilterSet like any other: its `qs` is the QuerySet it was given, narrowed.

That is what lets the HTML list, a CSV export and DRF's DjangoFilterBackend share it.
"""

import datetime

import pytest
from django.db.models import QuerySet
from django.http import QueryDict

from careers.filters import SORT_CHOICES, RoleFilter
from careers.models import Importance, Role
from careers.querysets import ORDERINGS
from tests.factories import (
    CareerStageFactory,
    CompanyFactory,
    RoleFactory,
    RoleSkillFactory,
    SalaryFactory,
    SkillFactory,
)

pytestmark = pytest.mark.django_db


def slugs(filterset):
    return list(filterset.qs.values_list("slug", flat=True))


@pytest.fixture
def roles(django_capture_on_commit_callbacks):
    """Four published roles and one unpublished; medians stored as they are after a commit."""
    python, sql = SkillFactory(slug="python", name="Python"), SkillFactory(slug="sql", name="SQL")
    entry = CareerStageFactory(slug="entry", name="Entry")
    acme = CompanyFactory(slug="acme", name="Acme")
    with django_capture_on_commit_callbacks(execute=True):
        low = RoleFactory(slug="low", title="Analyst", stage=entry)
        mid = RoleFactory(slug="mid", title="Engineer", description="Builds vision systems.")
        high = RoleFactory(slug="high", title="Scientist")
        unpaid = RoleFactory(slug="unpaid", title="Linguist")
        hidden = RoleFactory(slug="hidden", title="Hidden", is_published=False)
        for role, pay in ((low, 90_000), (mid, 150_000), (high, 210_000), (hidden, 300_000)):
            SalaryFactory(role=role, median=pay, as_of=datetime.date(2025, 2, 1))
        for role in (low, mid, high, hidden):
            RoleSkillFactory(role=role, skill=python)
        RoleSkillFactory(role=high, skill=sql, importance=Importance.VALUABLE)
        high.hiring_companies.add(acme)
    return {"low": low, "mid": mid, "high": high, "unpaid": unpaid, "hidden": hidden}


def test_qs_is_a_queryset_of_the_queryset_given(roles):
    given = Role.objects.filter(slug="mid")
    filterset = RoleFilter({}, queryset=given)
    assert isinstance(filterset.qs, QuerySet)
    assert filterset.qs.count() == 1
    assert slugs(filterset) == ["mid"]


def test_qs_combines_with_other_querysets(roles):
    filterset = RoleFilter({"skill": ["python"]}, queryset=Role.objects.published())
    assert set(
        Role.objects.filter(pk__in=filterset.qs.values("pk")).values_list("slug", flat=True)
    ) == {"low", "mid", "high"}


def test_without_a_queryset_it_filters_every_role_published_or_not(roles):
    assert "hidden" in slugs(RoleFilter({"pay_min": "250000"}))


def test_each_parameter_narrows_the_queryset(roles):
    published = Role.objects.published()

    def found(**params):
        return set(slugs(RoleFilter(params, queryset=published)))

    assert found() == {"low", "mid", "high", "unpaid"}
    assert found(pay_min="150000") == {"mid", "high"}
    assert found(pay_max="$150,000") == {"low", "mid"}
    assert found(skill=["python", "sql"]) == {"high"}
    assert found(stage="entry") == {"low"}
    assert found(company="acme") == {"high"}
    assert found(q="vision") == {"mid"}  # in the description
    assert found(q="SQL") == {"high"}  # a skill's name
    assert found(q="scien SQL") == {"high"}  # every word must match
    assert found(q="linguist") == {"unpaid"}


def test_default_sort_is_highest_pay_first_roles_without_pay_last(roles):
    assert slugs(RoleFilter({}, queryset=Role.objects.published())) == [
        "high",
        "mid",
        "low",
        "unpaid",
    ]
    assert slugs(RoleFilter({"sort": "pay"}, queryset=Role.objects.published())) == [
        "low",
        "mid",
        "high",
        "unpaid",
    ]
    # Scientist, Linguist, Engineer, Analyst.
    assert slugs(RoleFilter({"sort": "-title"}, queryset=Role.objects.published())) == [
        "high",
        "unpaid",
        "mid",
        "low",
    ]


def test_every_offered_sort_has_an_ordering():
    assert {key for key, _ in SORT_CHOICES} == set(ORDERINGS)


def test_a_repeated_skill_is_one_condition_and_duplicates_no_role(roles):
    filterset = RoleFilter(
        QueryDict("skill=python&skill=python"), queryset=Role.objects.published()
    )
    assert sorted(slugs(filterset)) == ["high", "low", "mid"]


@pytest.mark.parametrize(
    "params, field",
    [
        ({"pay_min": "1e9"}, "pay_min"),
        ({"pay_min": "200000", "pay_max": "100000"}, "pay_min"),
        ({"skill": ["no-such-skill"]}, "skill"),
        ({"stage": "nowhere"}, "stage"),
        ({"company": "nobody"}, "company"),
        ({"sort": "sideways"}, "sort"),
        ({"q": "x" * 201}, "q"),
    ],
)
def test_bad_values_are_form_errors(roles, params, field):
    filterset = RoleFilter(params, queryset=Role.objects.published())
    assert not filterset.is_valid()
    assert field in filterset.errors


def test_company_choices_are_only_companies_a_published_role_lists(roles):
    CompanyFactory(slug="idle", name="Idle")
    roles["hidden"].hiring_companies.add(CompanyFactory(slug="secret", name="Secret"))
    offered = dict(RoleFilter({}).form.fields["company"].choices)
    assert "acme" in offered
    assert "idle" not in offered
    assert "secret" not in offered


def test_without_drops_one_filter_or_one_skill(roles):
    filterset = RoleFilter(
        {"skill": ["python", "sql"], "pay_max": "100000"}, queryset=Role.objects.published()
    )
    assert filterset.is_valid()
    assert slugs(filterset) == []
    assert set(filterset.without("pay_max").values_list("slug", flat=True)) == {"high"}
    assert set(filterset.without("skill", "sql").values_list("slug", flat=True)) == {"low"}


def test_ticking_many_skills_is_one_subquery_each_not_a_join_each(roles):
    """SQLite allows 64 tables in a join; a join per ticked skill would fail past ~31."""
    many = [SkillFactory(slug=f"many-{n}", name=f"Many {n}") for n in range(40)]
    for skill in many:
        RoleSkillFactory(role=roles["mid"], skill=skill)
    filterset = RoleFilter(
        {"skill": [skill.slug for skill in many]}, queryset=Role.objects.published()
    )
    assert filterset.is_valid()
    assert slugs(filterset) == ["mid"]
