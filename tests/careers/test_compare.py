"""/compare/: 2 to 4 roles side by side; the URL is the state; bad choices are a clear 400."""

import pytest
from django.urls import reverse

from careers.models import Importance
from tests.factories import (
    CompanyFactory,
    RoleFactory,
    RoleSkillFactory,
    SalaryFactory,
    SkillFactory,
    SourceFactory,
)

URL = reverse("careers:compare")
pytestmark = pytest.mark.django_db


def compare(client, *slugs):
    return client.get(URL, {"role": list(slugs)})


@pytest.fixture
def roles(committed):
    with committed():
        shared, only_a = SkillFactory(slug="shared"), SkillFactory(slug="only-a")
        a, b = RoleFactory(slug="a", title="Role A"), RoleFactory(slug="b", title="Role B")
        c = RoleFactory(slug="c", title="Role C")
        RoleSkillFactory(role=a, skill=shared, importance=Importance.ESSENTIAL)
        RoleSkillFactory(role=b, skill=shared, importance=Importance.VALUABLE)
        RoleSkillFactory(role=a, skill=only_a)
        source = SourceFactory(slug="payroll", publisher="Payroll Co", title="")
        SalaryFactory(role=a, source=source, median=123_456, low=100_000, high=150_000)
        a.next_roles.add(c)
        a.hiring_companies.add(CompanyFactory(slug="acme", name="Acme"))
    return a, b, c


def test_roles_side_by_side_in_the_chosen_order(client, roles):
    response = compare(client, "b", "a")
    assert response.status_code == 200
    assert [role.slug for role in response.context["roles"]] == ["b", "a"]


def test_pay_is_shown_with_its_source_and_date(client, roles):
    html = compare(client, "a", "b").content.decode()
    assert "$123,456" in html
    assert "$100,000" in html and "$150,000" in html
    assert "</a>: Payroll Co, as of February 2025." in html  # the citation, "Source" linked
    assert "No pay data" in html  # role B


def test_shared_skills_come_first_and_each_roles_own_are_marked(client, roles):
    rows = compare(client, "a", "b").context["skill_rows"]
    assert [(skill.slug, cells, shared, own) for skill, cells, shared, own in rows] == [
        ("shared", ["Essential", "Valuable"], True, False),
        ("only-a", ["Essential", None], False, True),
    ]


def test_next_steps_companies_and_education_steps_are_listed(client, roles, article_data):
    response = compare(client, "a", "b")
    html = response.content.decode()
    assert 'href="/careers/c/"' in html
    assert 'href="/companies/acme/"' in html
    assert [step.slug for step in response.context["education_steps"]] == [
        "undergraduate-degree",
        "experience",
        "advanced-degree",
    ]


def test_each_role_can_be_removed_and_others_found_and_added(client, roles):
    response = client.get(URL, {"role": ["a", "b"], "find": "role"})
    a, b = response.context["roles"]
    assert a.remove_href == f"{URL}?role=b"
    # The list's word search, without the roles already compared; each link adds one.
    assert [(role.slug, href) for role, href in response.context["found"]] == [
        ("c", f"{URL}?role=a&role=b&role=c")
    ]
    assert f'href="{URL}?role=a&amp;role=b&amp;role=c"' in response.content.decode()


def test_a_search_that_finds_nothing_says_so(client, roles):
    response = client.get(URL, {"role": ["a"], "find": "zzz"})
    assert response.context["found"] == []
    assert "No other role matches “zzz”." in response.content.decode()


def test_no_search_at_four_roles(client, roles, committed):
    with committed():
        RoleFactory(slug="d")
    response = client.get(URL, {"role": ["a", "b", "c", "d"], "find": "role"})
    assert response.status_code == 200
    assert "found" not in response.context
    assert "Find a role to add" not in response.content.decode()


@pytest.mark.parametrize(
    "slugs, message",
    [
        (["a", "b", "c", "d", "e"], "at most 4 roles"),
        (["a", "a"], "chosen more than once"),
        (["a", "nope"], "“nope” is not a role on this site."),
        (["a", "b/../c"], "is not a role on this site"),
        (["a", "\x00"], "is not a role on this site"),
        (["a", "x" * 500], "is not a role on this site"),
    ],
)
def test_bad_choices_are_a_400_with_the_reason(client, roles, slugs, message):
    response = compare(client, *slugs)
    assert response.status_code == 400
    assert any(message in error for error in response.context["errors"])
    assert "This comparison cannot be shown" in response.content.decode()


@pytest.mark.parametrize(
    "find, message",
    [("\x00", "Null characters are not allowed."), ("x" * 201, "at most 200 characters")],
)
def test_a_bad_search_is_a_400_with_the_reason(client, roles, find, message):
    response = client.get(URL, {"role": ["a"], "find": find})
    assert response.status_code == 400
    assert any(message in error for error in response.context["errors"])


def test_an_unpublished_role_is_unknown(client, roles, committed):
    with committed():
        RoleFactory(slug="hidden", is_published=False)
    assert compare(client, "a", "hidden").status_code == 400


@pytest.mark.parametrize("slugs", [[], ["a"]])
def test_fewer_than_two_roles_explain_what_to_do(client, roles, slugs):
    response = compare(client, *slugs)
    assert response.status_code == 200
    assert "skill_rows" not in response.context
    html = response.content.decode()
    assert "Add at least one more" in html if slugs else "Tick the roles" in html


def test_role_list_rows_tick_into_the_compare_form_and_role_pages_link_to_it(client, article_data):
    html = client.get(reverse("careers:role_list")).content.decode()
    assert f'id="compare-roles" class="compare-form" method="get" action="{URL}"' in html
    assert 'name="role" value="machine-learning-engineer"' in html
    assert 'form="compare-roles"' in html
    page = client.get(reverse("careers:role_detail", args=["data-scientist"])).content.decode()
    assert f"{URL}?role=data-scientist" in page


@pytest.mark.usefixtures("official_data")
def test_official_national_pay_is_shown_where_present_with_its_citation(client):
    response = compare(client, "data-scientist", "computer-engineer")
    html = response.content.decode()
    assert "Official median pay (BLS, United States)" in html
    assert "$120,000" in html
    assert "Official occupation: Data Scientists, SOC 15-2051." in html
    assert "no official occupation is chosen for this role" in html  # computer engineer
    assert "U.S. Bureau of Labor Statistics" in html and "May 2025" in html
