"""careers/selectors/role_list.py (hand-written SQL) gives exactly what the ORM gives."""

import datetime
import random

import pytest
from django.db.models import F

from careers.filters import RoleFilter
from careers.models import CareerStage, Company, Importance, Role, Salary, Skill, SkillKind
from careers.selectors import filter_choices, role_rows
from tests.factories import (
    CareerStageFactory,
    CompanyFactory,
    RoleFactory,
    RoleSkillFactory,
    SalaryFactory,
    SkillFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


def _random_catalogue(seed):
    rng = random.Random(seed)
    sources = [SourceFactory() for _ in range(3)]
    skills = [
        SkillFactory(kind=rng.choice(list(SkillKind)), order=rng.randint(0, 2)) for _ in range(8)
    ]
    for order in rng.sample(range(100), 3):  # stage order is unique
        CareerStageFactory(order=order)
    companies = [CompanyFactory() for _ in range(6)]
    roles = [RoleFactory(is_published=rng.random() > 0.25) for _ in range(10)]
    dates = [None, datetime.date(2023, 1, 1), datetime.date(2025, 2, 1)]
    for role in roles:
        for skill in rng.sample(skills, rng.randint(0, 6)):
            RoleSkillFactory(role=role, skill=skill, importance=rng.choice(list(Importance)))
        for source in rng.sample(sources, rng.randint(0, 3)):
            SalaryFactory(role=role, source=source, as_of=rng.choice(dates))
        role.hiring_companies.set(rng.sample(companies, rng.randint(0, 2)))
    return roles


@pytest.mark.parametrize("seed", range(4))
def test_role_rows_match_the_orm(seed):
    roles = _random_catalogue(seed)
    rows = role_rows(list(Role.objects.filter(pk__in=[r.pk for r in roles[:7]])))
    for role in rows:
        expected_skills = [
            rs.skill.name
            for rs in role.role_skills.select_related("skill").order_by(
                "importance", "skill__order", "skill__name", "pk"
            )
        ]
        expected_salaries = list(
            Salary.objects.filter(role=role).order_by(F("as_of").desc(nulls_last=True), "pk")
        )
        assert role.skill_names == expected_skills
        assert role.salary_records == expected_salaries
        assert [s.source for s in role.salary_records] == [s.source for s in expected_salaries]


def test_role_rows_of_no_roles_reads_nothing(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert role_rows([]) == []


@pytest.mark.parametrize("seed", range(4))
def test_filter_choices_match_the_orm(seed):
    _random_catalogue(seed)
    hiring = Company.objects.filter(roles__is_published=True).distinct()
    expected = {
        "skill": [(s.pk, s.slug, s.name) for s in Skill.objects.all()],  # Meta.ordering
        "stage": [(s.pk, s.slug, s.name) for s in CareerStage.objects.all()],
        "company": [(c.pk, c.slug, c.name) for c in hiring.order_by("name", "pk")],
    }
    assert filter_choices() == expected


def test_the_filter_form_offers_exactly_the_choices_read():
    _random_catalogue(0)
    form = RoleFilter({}).form
    choices = {
        name: [(slug, label) for _, slug, label in rows] for name, rows in filter_choices().items()
    }
    assert list(form.fields["skill"].choices) == choices["skill"]
    assert list(form.fields["stage"].choices) == [("", "Any stage"), *choices["stage"]]
    assert list(form.fields["company"].choices) == [("", "Any company"), *choices["company"]]
