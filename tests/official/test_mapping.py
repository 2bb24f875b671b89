"""Each article role's official occupation, as the fixtures set it, and its integrity rules."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from careers.models import Role
from official.models import Occupation

pytestmark = pytest.mark.usefixtures("article_data")


def test_the_issues_exact_matches():
    assert Role.objects.get(slug="data-scientist").official_occupation.soc_code == "15-2051"
    assert Role.objects.get(slug="data-scientist").official_match == "exact"
    assert Role.objects.get(slug="software-developer").official_occupation.soc_code == "15-1252"
    assert Role.objects.get(slug="software-developer").official_match == "exact"


def test_every_other_mapped_role_is_labelled_closest():
    others = Role.objects.exclude(slug__in=["data-scientist", "software-developer"])
    for role in others.filter(official_occupation__isnull=False):
        assert role.official_match == "closest", role.slug
    # Computer Engineer: hardware (17-2061) or software (15-1252)? The article does not say.
    assert Role.objects.get(slug="computer-engineer").official_occupation is None


def test_a_match_label_goes_with_an_occupation():
    role = Role.objects.get(slug="computer-engineer")
    role.official_match = "closest"
    with pytest.raises(ValidationError):
        role.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        role.save()


def test_an_occupation_needs_a_match_label():
    role = Role.objects.get(slug="computer-engineer")
    role.official_occupation = Occupation.objects.get(soc_code="15-1252")
    with pytest.raises(ValidationError):
        role.full_clean()


def test_soc_codes_are_validated():
    with pytest.raises(ValidationError):
        Occupation(soc_code="151252", title="Software Developers").full_clean()
