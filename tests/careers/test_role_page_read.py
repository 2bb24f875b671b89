"""careers/selectors.role_page() (hand-written SQL) gives exactly what the ORM gives."""

import datetime
import random

import pytest
from django.db.models import F

from careers.models import Duty, EducationStep, Importance, Salary, SkillKind
from careers.querysets import pick_salary
from careers.selectors import role_page
from tests.factories import (
    CareerStageFactory,
    CompanyFactory,
    FaqEntryFactory,
    RoleFactory,
    RoleSkillFactory,
    SalaryFactory,
    SkillFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


def orm_page(role):
    """The role page's data the plain ORM way: the reference the SQL must match."""
    salaries = lambda r: list(  # noqa: E731
        Salary.objects.filter(role=r)
        .select_related("source")
        .order_by(F("as_of").desc(nulls_last=True), "pk")
    )
    role_skills = list(
        role.role_skills.select_related("skill").order_by(
            "importance", "skill__order", "skill__name", "pk"
        )
    )
    next_roles = list(role.next_roles.published().order_by("title", "pk"))
    return {
        "technical": [
            (rs.skill.slug, rs.importance)
            for rs in role_skills
            if rs.skill.kind == SkillKind.TECHNICAL
        ],
        "soft": [
            (rs.skill.slug, rs.importance) for rs in role_skills if rs.skill.kind == SkillKind.SOFT
        ],
        "salaries": [(s.pk, s.source and s.source.slug, s.as_of) for s in salaries(role)],
        "next": [
            (r.slug, getattr(pick_salary(salaries(r), "median"), "pk", None)) for r in next_roles
        ],
        "previous": [r.slug for r in role.previous_roles.published().order_by("title", "pk")],
        "companies": [c.slug for c in role.hiring_companies.order_by("name", "pk")],
        "faq": [e.slug for e in role.faq_entries.published().order_by("topic", "order", "pk")],
        "duties": [
            (d.slug, d.source and d.source.slug) for d in Duty.objects.order_by("order", "pk")
        ],
        "steps": [
            (s.slug, s.source and s.source.slug)
            for s in EducationStep.objects.order_by("order", "pk")
        ],
    }


def sql_page(slug):
    page = role_page(slug)
    return {
        "technical": [(rs.skill.slug, rs.importance) for rs in page.technical_skills],
        "soft": [(rs.skill.slug, rs.importance) for rs in page.soft_skills],
        "salaries": [(s.pk, s.source and s.source.slug, s.as_of) for s in page.salaries],
        "next": [(r.slug, getattr(r.median_salary, "pk", None)) for r in page.next_roles],
        "previous": [r.slug for r in page.previous_roles],
        "companies": [c.slug for c in page.companies],
        "faq": [e.slug for e in page.faq_entries],
        "duties": [(d.slug, d.source and d.source.slug) for d in page.duties],
        "steps": [(s.slug, s.source and s.source.slug) for s in page.education_steps],
    }


@pytest.mark.parametrize("seed", range(5))
def test_role_page_read_matches_the_orm(seed):
    rng = random.Random(seed)
    sources = [SourceFactory() for _ in range(3)]
    skills = [
        SkillFactory(
            kind=rng.choice([SkillKind.TECHNICAL, SkillKind.SOFT]), order=rng.randint(0, 3)
        )
        for _ in range(8)
    ]
    companies = [CompanyFactory() for _ in range(5)]
    roles = [
        RoleFactory(is_published=rng.random() > 0.2, stage=rng.choice([None, CareerStageFactory()]))
        for _ in range(8)
    ]
    dates = [None, datetime.date(2023, 1, 1), datetime.date(2025, 2, 1)]
    for role in roles:
        for skill in rng.sample(skills, rng.randint(0, 5)):
            RoleSkillFactory(role=role, skill=skill, importance=rng.choice(list(Importance)))
        for source in rng.sample(sources, rng.randint(0, 3)):
            median = rng.choice([None, rng.randint(50_000, 200_000)])
            SalaryFactory(
                role=role,
                source=source,
                as_of=rng.choice(dates),
                median=median,
                average=None if median else 100_000,
            )
        role.next_roles.set(rng.sample([r for r in roles if r != role], rng.randint(0, 3)))
        role.hiring_companies.set(rng.sample(companies, rng.randint(0, 3)))
    for n in range(4):
        entry = FaqEntryFactory(is_published=n != 0, order=rng.randint(0, 2))
        entry.related_roles.set(rng.sample(roles, 3))
    for n in range(3):
        Duty.objects.create(
            slug=f"duty-{n}",
            text=f"Duty {n}",
            order=rng.randint(0, 1),
            source=rng.choice([None, *sources]),
        )
        EducationStep.objects.create(
            slug=f"step-{n}",
            title=f"Step {n}",
            body="Body",
            order=rng.randint(0, 1),
            source=rng.choice([None, *sources]),
        )

    for role in roles:
        if role.is_published:
            assert sql_page(role.slug) == orm_page(role), role.slug
        else:
            assert role_page(role.slug) is None


def test_role_page_read_builds_working_model_instances():
    source = SourceFactory(url="https://example.com/pay")
    stage = CareerStageFactory(name="Entry level")
    role = RoleFactory(stage=stage, description="Line one.\n\nLine two.", description_source=source)
    SalaryFactory(role=role, source=source, as_of=datetime.date(2025, 2, 1))

    page = role_page(role.slug)

    assert page.role.stage.name == "Entry level"
    assert page.role.description_source.url == "https://example.com/pay"
    assert page.role.get_absolute_url() == f"/careers/{role.slug}/"
    assert page.salaries[0].as_of_display == "February 2025"
    assert page.salaries[0].source is page.role.description_source  # one instance per source
    assert role_page("no-such-role") is None
