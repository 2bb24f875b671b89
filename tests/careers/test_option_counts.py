"""Each skill, stage and company option of the role list shows how many roles it would leave;
options that would leave none are disabled; the counting costs the same queries at any size."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from careers.models import Company, Role, RoleSkill, Skill
from tests.factories import CompanyFactory, SkillFactory

URL = reverse("careers:role_list")

pytestmark = pytest.mark.usefixtures("article_data")

CHECKBOX_OR_RADIO = re.compile(
    r'<input type="(?:checkbox|radio)" name="(skill|stage)" value="([^"]*)"([^>]*)>'
    r'[^<]*<span class="option-count">\((\d+)\)</span>'
)
OPTION = re.compile(r'<option value="([^"]+)"([^>]*)>[^<]*\((\d+)\)</option>')


def shown_counts(response):
    """{(name, value): (count, disabled)} for every counted option on the page."""
    html = response.text
    found = {}
    for name, value, attrs, count in CHECKBOX_OR_RADIO.findall(html):
        found[(name, value)] = (int(count), " disabled" in attrs)
    for value, attrs, count in OPTION.findall(html):
        found[("company", value)] = (int(count), " disabled" in attrs)
    return found


def result_count(client, params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.context["paginator"].count


def test_unfiltered_counts_are_the_roles_each_option_finds(client):
    found = shown_counts(client.get(URL))
    published = Role.objects.filter(is_published=True)
    # Counted here straight from the tables, not through the view's filter code.
    for skill in Skill.objects.all():
        expected = (
            published.count()
            if skill.for_all_roles
            else published.filter(role_skills__skill=skill).count()
        )
        assert found[("skill", skill.slug)][0] == expected, skill.slug
    for slug in ("entry-level", "established", "specialist", "leadership"):
        assert found[("stage", slug)][0] == published.filter(stage__slug=slug).count()
    assert found[("stage", "")][0] == published.count()  # "Any stage"
    for company in Company.objects.filter(roles__is_published=True).distinct():
        expected = published.filter(hiring_companies=company).count()
        assert found[("company", company.slug)][0] == expected


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"stage": "established"},
        {"skill": "deep-learning"},
        {"skill": ["deep-learning", "teamwork"], "pay_min": "150000"},
        {"company": "amazon", "q": "engineer"},
        {"q": "data", "sort": "title"},
    ],
)
def test_following_an_option_finds_as_many_roles_as_it_said(client, params):
    found = shown_counts(client.get(URL, params))
    assert found
    for (name, value), (count, disabled) in found.items():
        chosen = dict(params)
        if name == "skill":
            chosen["skill"] = [*_as_list(params.get("skill")), value]
        else:
            chosen[name] = value
        assert result_count(client, chosen) == count, (name, value)
        assert disabled == (count == 0 and value not in _as_list(params.get(name))), (name, value)


def _as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def test_options_that_find_nothing_are_disabled_but_a_chosen_one_is_not(client):
    found = shown_counts(client.get(URL, {"stage": "entry-level"}))
    # The entry-level roles list no technical skill: every such option would empty the list.
    assert found[("skill", "deep-learning")] == (0, True)
    # Named for every role: ticking keeps them all.
    assert found[("skill", "teamwork")] == (2, False)
    # The stages count without the stage filter, so the others stay open.
    assert found[("stage", "leadership")][1] is False
    found = shown_counts(client.get(URL, {"stage": "entry-level", "skill": "deep-learning"}))
    assert found[("skill", "deep-learning")] == (0, False)  # chosen: can still be unticked


def test_invalid_filters_show_no_counts(client):
    response = client.get(URL, {"pay_min": "lots"})
    assert 'class="option-count"' not in response.text


def test_counting_costs_the_same_queries_with_more_options_and_roles(
    client, django_assert_num_queries
):
    # The list's queries (test_query_counts_roles.py), four of them the counts.
    params = {"skill": "deep-learning", "stage": "established", "pay_min": "100000"}
    with django_assert_num_queries(14):
        client.get(URL, params)
    call_command("generate_synthetic_roles", "1000", verbosity=0)
    for n in range(30):
        skill = SkillFactory()
        company = CompanyFactory()
        role = Role.objects.filter(is_synthetic=True)[n]
        RoleSkill.objects.create(role=role, skill=skill)
        role.hiring_companies.add(company)
    with django_assert_num_queries(14):
        response = client.get(URL, params)
    assert len(shown_counts(response)) > 60


@pytest.mark.usefixtures("official_data")
@pytest.mark.parametrize(
    "params",
    [
        {"basis": "bls", "area": "CA", "pay_min": "150000"},
        {"basis": "bls", "area": "US", "stage": "established"},
    ],
)
def test_counts_follow_the_official_pay_bounds_too(client, params):
    found = shown_counts(client.get(URL, params))
    assert found
    for (name, value), (count, _disabled) in found.items():
        chosen = dict(params)
        if name == "skill":
            chosen["skill"] = [value]
        else:
            chosen[name] = value
        assert result_count(client, chosen) == count, (name, value)
