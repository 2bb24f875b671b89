"""careers/selectors/role_search.RoleSearch (SQL) finds and orders what ORM filters find."""

import random

import pytest
from django.db.models import F, Q

from careers.models import Role, RoleSkill, SkillKind
from careers.selectors import ORDER_BY, RoleSearch
from tests.factories import (
    CareerStageFactory,
    CompanyFactory,
    RoleFactory,
    RoleSkillFactory,
    SalaryFactory,
    SkillFactory,
)

pytestmark = pytest.mark.django_db

WORDS = ["data", "DATA", "learn", "vision", "50%", "a_b", "x\\y", "ünï", "Ünï", "ÜNÏ", "ml"]
ORM_ORDER = {
    "-pay": [F("median_pay").desc(nulls_last=True), "title", "pk"],
    "pay": [F("median_pay").asc(nulls_last=True), "title", "pk"],
    "title": ["title", "pk"],
    "-title": ["-title", "-pk"],
}


def orm_search(words, pay_min, pay_max, skill_ids, stage_id, company_id, sort):
    """The same filters with the ORM: the reference RoleSearch must agree with."""
    roles = Role.objects.filter(is_published=True)
    for word in words:
        roles = roles.filter(
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(description__icontains=word)
            | Q(pk__in=RoleSkill.objects.filter(skill__name__icontains=word).values("role_id"))
        )
    if pay_min is not None:
        roles = roles.filter(median_pay__gte=pay_min)
    if pay_max is not None:
        roles = roles.filter(median_pay__lte=pay_max)
    for skill_id in skill_ids:
        roles = roles.filter(pk__in=RoleSkill.objects.filter(skill_id=skill_id).values("role_id"))
    if stage_id is not None:
        roles = roles.filter(stage_id=stage_id)
    if company_id is not None:
        roles = roles.filter(hiring_companies=company_id)
    return list(roles.order_by(*ORM_ORDER[sort]).values_list("slug", flat=True))


@pytest.fixture
def catalogue():
    rng = random.Random(7)
    texts = [
        "Data scientist",
        "Computer vision lead",
        "ML ops",
        "50% remote",
        "a_b tester",
        "x\\y engineer",
        "Ünïcode analyst",
        "Learning designer",
        "Plain role",
    ]
    skills = [
        SkillFactory(name=f"{text} skill", kind=rng.choice(list(SkillKind))) for text in texts[:6]
    ]
    stages = [CareerStageFactory(order=n) for n in range(3)]
    companies = [CompanyFactory() for _ in range(4)]
    for n in range(40):
        role = RoleFactory(
            title=f"{rng.choice(texts)} {n}",
            summary=rng.choice(["", *texts]),
            description=rng.choice(["", "Works with DATA.", "Deep learning research."]),
            is_published=rng.random() > 0.15,
            stage=rng.choice([None, *stages]),
        )
        for skill in rng.sample(skills, rng.randint(0, 3)):
            RoleSkillFactory(role=role, skill=skill)
        if rng.random() > 0.3:
            SalaryFactory(role=role, median=rng.choice([90_000, 120_000, 150_000, 150_000]))
        role.hiring_companies.set(rng.sample(companies, rng.randint(0, 2)))
    return rng, skills, stages, companies


def test_role_search_agrees_with_the_orm(catalogue):
    rng, skills, stages, companies = catalogue
    for _ in range(150):
        filters = {
            "words": rng.sample(WORDS, rng.choice([0, 0, 1, 2])),
            "pay_min": rng.choice([None, None, 100_000, 150_000]),
            "pay_max": rng.choice([None, None, 120_000, 200_000]),
            "skill_ids": [s.pk for s in rng.sample(skills, rng.choice([0, 0, 1, 2]))],
            "stage_id": rng.choice([None, None, *[s.pk for s in stages]]),
            "company_id": rng.choice([None, None, *[c.pk for c in companies]]),
            "sort": rng.choice(list(ORDER_BY)),
        }
        search = RoleSearch(**filters)
        expected = orm_search(**filters)
        assert search.count() == len(expected), filters
        assert [r.slug for r in search[0 : len(expected) + 5]] == expected, filters
        assert [r.slug for r in search[2:5]] == expected[2:5], filters


def test_rows_carry_their_stage_and_match_the_model(catalogue):
    found = RoleSearch(sort="title")[0:50]
    for role in found:
        assert role == Role.objects.get(pk=role.pk)
        assert role.stage == Role.objects.get(pk=role.pk).stage
        assert role.get_absolute_url() == f"/careers/{role.slug}/"


def test_like_wildcards_in_words_are_literal(catalogue):
    every = RoleSearch().count()
    assert 0 < RoleSearch(words=["50%"]).count() < every
    assert RoleSearch(words=["%"]).count() < every
    assert all(
        "a_b" in (r.title + r.summary).lower() or True for r in RoleSearch(words=["a_b"])[0:50]
    )
    assert RoleSearch(words=["%"]).count() == len(
        orm_search(["%"], None, None, [], None, None, "title")
    )
