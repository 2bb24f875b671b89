"""factory_boy factories for every content model. Pay figures are plausible, never the article's."""

import datetime

import factory

from careers import models as m
from faq.models import FaqEntry, FaqTopic


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Source
        django_get_or_create = ("slug",)

    publisher = factory.Sequence(lambda n: f"Publisher {n}")
    title = factory.Sequence(lambda n: f"Report {n}")
    slug = factory.Sequence(lambda n: f"source-{n}")


class CareerStageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.CareerStage

    name = factory.Sequence(lambda n: f"Stage {n}")
    slug = factory.Sequence(lambda n: f"stage-{n}")
    order = factory.Sequence(lambda n: 100 + n)


class SkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Skill

    name = factory.Sequence(lambda n: f"Skill {n}")
    slug = factory.Sequence(lambda n: f"skill-{n}")
    kind = m.SkillKind.TECHNICAL


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Company

    name = factory.Sequence(lambda n: f"Company {n}")
    slug = factory.Sequence(lambda n: f"company-{n}")
    in_hiring_sample = True


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Role

    title = factory.Sequence(lambda n: f"Role {n}")
    slug = factory.Sequence(lambda n: f"role-{n}")
    summary = factory.LazyAttribute(lambda o: f"Summary of {o.title}.")
    stage = None


class RoleSkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.RoleSkill

    role = factory.SubFactory(RoleFactory)
    skill = factory.SubFactory(SkillFactory)
    importance = m.Importance.ESSENTIAL


class SalaryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Salary

    role = factory.SubFactory(RoleFactory)
    source = factory.SubFactory(SourceFactory)
    median = factory.Sequence(lambda n: 90_000 + (n * 997) % 120_000)
    as_of = datetime.date(2025, 2, 1)
    basis = "median total pay"


class OutlookStatisticFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.OutlookStatistic

    slug = factory.Sequence(lambda n: f"stat-{n}")
    label = factory.Sequence(lambda n: f"Statistic {n}")
    value = 10
    unit = "percent"
    statement = "A statement."
    source = factory.SubFactory(SourceFactory)


class FaqEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FaqEntry

    slug = factory.Sequence(lambda n: f"question-{n}")
    question = factory.Sequence(lambda n: f"Question {n}?")
    answer = "An answer."
    topic = FaqTopic.CAREER
