"""The database itself refuses impossible data, and full_clean() explains why in plain words."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from careers.models import Company, Role, RoleSkill, Salary, Skill, Source
from tests.factories import (
    CompanyFactory,
    OutlookStatisticFactory,
    RoleFactory,
    RoleSkillFactory,
    SalaryFactory,
    SkillFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db

NO_FIGURES = {"median": None, "average": None, "low": None, "high": None}

# (figures, the plain-words message full_clean() must give)
BAD_PAY = {
    "zero median": ({"median": 0}, "The median pay must be more than zero."),
    "zero average": ({"median": None, "average": 0}, "The average pay must be more than zero."),
    "zero low": ({"low": 0}, "The low pay must be more than zero."),
    "zero high": ({"median": None, "high": 0}, "The high pay must be more than zero."),
    "negative median": ({"median": -5}, "Ensure this value is greater than or equal to 0."),
    "negative high": (
        {"median": None, "high": -1},
        "Ensure this value is greater than or equal to 0.",
    ),
    "low above median": (
        {"low": 150_000, "median": 140_000},
        "The low figure cannot be above the median figure.",
    ),
    "median above high": (
        {"median": 150_000, "high": 140_000},
        "The median figure cannot be above the high figure.",
    ),
    "low above average": (
        {"median": None, "low": 150_000, "average": 140_000},
        "The low figure cannot be above the average figure.",
    ),
    "average above high": (
        {"median": None, "average": 150_000, "high": 140_000},
        "The average figure cannot be above the high figure.",
    ),
    "low above high": (
        {"median": None, "low": 150_000, "high": 140_000},
        "The low figure cannot be above the high figure.",
    ),
    "no figure at all": (NO_FIGURES, "Enter at least one pay figure."),
    "median above the pay limit": (
        {"median": 10_000_001},
        "Ensure this value is less than or equal to 10000000.",
    ),
    "high above the pay limit": (
        {"median": None, "high": 2_147_483_000},
        "Ensure this value is less than or equal to 10000000.",
    ),
}


def unsaved_salary(**figures):
    return Salary(role=RoleFactory(), source=SourceFactory(), **{"median": 100_000, **figures})


@pytest.mark.parametrize("case", list(BAD_PAY))
def test_database_refuses_impossible_pay(case):
    figures, _ = BAD_PAY[case]
    salary = unsaved_salary(**figures)
    with pytest.raises(IntegrityError), transaction.atomic():
        salary.save()
    assert not Salary.objects.exists()


@pytest.mark.parametrize("case", list(BAD_PAY))
def test_full_clean_explains_impossible_pay(case):
    figures, message = BAD_PAY[case]
    with pytest.raises(ValidationError) as excinfo:
        unsaved_salary(**figures).full_clean()
    assert message in excinfo.value.messages


@pytest.mark.parametrize(
    "figures",
    [
        {"median": 168_730},
        {"median": None, "average": 168_730, "low": 135_000, "high": 215_000},
        {"median": 150_000, "low": 150_000, "high": 150_000},
        {"median": None, "high": 1},
    ],
)
def test_possible_pay_is_accepted(figures):
    salary = unsaved_salary(**figures)
    salary.full_clean()
    salary.save()
    assert Salary.objects.get(pk=salary.pk).median == figures["median"]


@pytest.mark.parametrize(
    ("factory", "model"),
    [
        (RoleFactory, Role),
        (SkillFactory, Skill),
        (CompanyFactory, Company),
        (SourceFactory, Source),
    ],
)
def test_slugs_are_unique(factory, model):
    factory(slug="taken")
    duplicate = factory.build(slug="taken")
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()
    assert model.objects.filter(slug="taken").count() == 1
    with pytest.raises(ValidationError) as excinfo:
        duplicate.full_clean()
    assert "slug" in excinfo.value.message_dict


def test_a_role_has_each_skill_once():
    link = RoleSkillFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleSkill.objects.create(role=link.role, skill=link.skill)
    with pytest.raises(ValidationError) as excinfo:
        RoleSkill(role=link.role, skill=link.skill).full_clean()
    assert "This role already has that skill." in excinfo.value.messages


def test_one_salary_per_role_and_source():
    salary = SalaryFactory()
    again = Salary(role=salary.role, source=salary.source, median=100_000)
    with pytest.raises(IntegrityError), transaction.atomic():
        again.save()
    with pytest.raises(ValidationError) as excinfo:
        again.full_clean()
    assert (
        "This role already has pay figures from that source: edit those instead."
        in excinfo.value.messages
    )


def test_a_source_needs_a_publisher_or_a_title():
    source = Source(slug="anonymous", publisher="", title="")
    with pytest.raises(IntegrityError), transaction.atomic():
        source.save()
    with pytest.raises(ValidationError) as excinfo:
        source.full_clean()
    assert "Give the source a publisher, a title, or both." in excinfo.value.messages


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"value": -1}, "The value cannot be negative."),
        ({"value": 40, "unit": ""}, "Say what unit the value is in (percent, jobs, ...)."),
    ],
)
def test_outlook_values_are_not_negative_and_have_a_unit(fields, message):
    stat = OutlookStatisticFactory.build(source=SourceFactory(), **fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        stat.save()
    with pytest.raises(ValidationError) as excinfo:
        stat.full_clean()
    assert message in excinfo.value.messages


@pytest.mark.parametrize(
    "as_of", [datetime.date(1899, 12, 31), datetime.date(2101, 1, 1), datetime.date(9999, 12, 31)]
)
def test_database_refuses_absurd_as_of_dates(as_of):
    # A typo in the year would make the record the "newest" and replace the sourced figure.
    salary = unsaved_salary(as_of=as_of)
    with pytest.raises(IntegrityError), transaction.atomic():
        salary.save()
    stat = OutlookStatisticFactory.build(source=SourceFactory(), as_of=as_of)
    with pytest.raises(IntegrityError), transaction.atomic():
        stat.save()


def test_full_clean_refuses_a_future_as_of_date():
    tomorrow = datetime.date.today() + datetime.timedelta(days=2)
    with pytest.raises(ValidationError) as excinfo:
        unsaved_salary(as_of=tomorrow).full_clean()
    assert excinfo.value.message_dict["as_of"] == ["The as-of date cannot be in the future."]


def test_company_names_are_unique_ignoring_case():
    CompanyFactory(name="Amazon", slug="amazon")
    duplicate = Company(name="amazon", slug="amazon-2")
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()
    with pytest.raises(ValidationError) as excinfo:
        duplicate.full_clean()
    assert "A company with this name already exists." in excinfo.value.messages


def test_a_skill_for_every_role_is_not_linked_to_one():
    general = SkillFactory(name="Teamwork", for_all_roles=True)
    link = RoleSkill(role=RoleFactory(), skill=general)
    with pytest.raises(ValidationError) as refused:
        link.full_clean()
    assert "every role shows it already" in refused.value.message_dict["skill"][0]
    RoleSkill(role=RoleFactory(), skill=SkillFactory()).full_clean()  # any other skill is fine
