"""A pay range is one record's low and high, cited to that record, never a mix of sources."""

import datetime

import pytest
from django.urls import reverse

from careers.models import Role
from careers.querysets import PAY_RANGE, pick_salary
from tests.factories import RoleFactory, SalaryFactory, SourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def role_with_split_range():
    """Newest only a low, then only a high, then (oldest) one record with both."""
    role = RoleFactory(title="Split Range Engineer", slug="split-range-engineer")
    only_low = SalaryFactory(
        role=role,
        source=SourceFactory(publisher="Low Only Survey", title=""),
        median=None,
        low=111_000,
        as_of=datetime.date(2025, 3, 1),
    )
    only_high = SalaryFactory(
        role=role,
        source=SourceFactory(publisher="High Only Survey", title=""),
        median=None,
        high=299_000,
        as_of=datetime.date(2025, 2, 1),
    )
    both = SalaryFactory(
        role=role,
        source=SourceFactory(publisher="Both Ends Survey", title=""),
        median=None,
        low=120_000,
        high=180_000,
        as_of=datetime.date(2024, 6, 1),
    )
    return role, only_low, only_high, both


def test_the_range_is_the_newest_record_with_both_ends(role_with_split_range):
    role, only_low, _, both = role_with_split_range
    [listed] = Role.objects.filter(pk=role.pk).for_list()
    salaries = listed.salary_records
    assert pick_salary(salaries, *PAY_RANGE) == both
    assert pick_salary(salaries, "low") == only_low


def test_role_list_shows_one_records_range_with_that_records_footnote(
    client, role_with_split_range
):
    role, _, _, both = role_with_split_range
    response = client.get(reverse("careers:role_list"), {"q": "Split Range"})
    [shown] = response.context["roles"]
    assert shown.range_salary == both
    body = response.text
    assert '$120,000</span>–<span class="figure">$180,000' in body
    for mixed in ("$111,000", "$299,000"):
        assert mixed not in body
    number = response.context["pay_notes"].number(shown.range_salary)
    note = body[body.index(f'id="pay-note-{number}"') :].split("</li>")[0]
    assert "Source</a>: Both Ends Survey, as of June 2024." in note


def test_role_page_cites_each_records_range_beside_that_record(client, role_with_split_range):
    role, only_low, only_high, both = role_with_split_range
    body = client.get(role.get_absolute_url()).text
    records = body.split('<div class="pay-panel__record">')[1:]
    assert len(records) == 3
    expected = {
        "Low Only Survey": 'from <span class="figure">$111,000',
        "High Only Survey": 'up to <span class="figure">$299,000',
        "Both Ends Survey": '$120,000</span>–<span class="figure">$180,000',
    }
    for publisher, figure in expected.items():
        [record] = [r for r in records if f"Source</a>: {publisher}," in r]
        assert figure in record
