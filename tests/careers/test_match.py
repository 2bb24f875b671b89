"""/match/: roles ranked by the weighted share of their skills the visitor has."""

import pytest
from django.urls import reverse

from careers.models import Importance
from tests.factories import RoleFactory, RoleSkillFactory, SalaryFactory, SkillFactory

URL = reverse("careers:match")
pytestmark = pytest.mark.django_db


@pytest.fixture
def skills():
    return {name: SkillFactory(slug=name, name=name.title()) for name in ("sql", "stats", "ml")}


def give(role, skills, **importance):
    for slug, level in importance.items():
        RoleSkillFactory(role=role, skill=skills[slug], importance=level)


def ranked(response):
    return [role.slug for role in response.context["roles"]]


def test_roles_rank_by_weighted_coverage_essential_over_valuable(client, skills, committed):
    E, V = Importance.ESSENTIAL, Importance.VALUABLE
    with committed():
        # Knowing sql: "essential-sql" covers 3 of 5 (60%), "valuable-sql" 2 of 5 (40%),
        # "all-sql" everything (100%), "no-sql" nothing (left out).
        give(RoleFactory(slug="essential-sql"), skills, sql=E, stats=V)
        give(RoleFactory(slug="valuable-sql"), skills, sql=V, stats=E)
        give(RoleFactory(slug="all-sql"), skills, sql=E)
        give(RoleFactory(slug="no-sql"), skills, ml=E)
    response = client.get(URL, {"have": "sql"})
    assert response.status_code == 200
    assert ranked(response) == ["all-sql", "essential-sql", "valuable-sql"]
    assert [r.coverage_percent for r in response.context["roles"]] == [100, 60, 40]


def test_ties_are_broken_by_pay_highest_first_then_no_pay(client, skills, committed):
    with committed():
        low, high, unpaid = (RoleFactory(slug=s) for s in ("low-pay", "high-pay", "unpaid"))
        for role in (low, high, unpaid):
            give(role, skills, sql=Importance.ESSENTIAL)
        SalaryFactory(role=low, median=90_000)
        SalaryFactory(role=high, median=190_000)
    assert ranked(client.get(URL, {"have": "sql"})) == ["high-pay", "low-pay", "unpaid"]


def test_each_role_lists_covered_and_missing_skills_linked_to_their_pages(
    client, skills, committed
):
    with committed():
        give(RoleFactory(slug="r"), skills, sql=Importance.ESSENTIAL, ml=Importance.HELPFUL)
    response = client.get(URL, {"have": ["sql", "stats"]})
    role = response.context["roles"][0]
    assert [link.skill.slug for link in role.covered] == ["sql"]
    assert [link.skill.slug for link in role.missing] == ["ml"]
    html = response.content.decode()
    assert f'href="{reverse("careers:skill_detail", args=["sql"])}"' in html
    assert f'href="{reverse("careers:skill_detail", args=["ml"])}"' in html


def test_no_choice_explains_the_page(client, skills):
    response = client.get(URL)
    assert response.status_code == 200
    assert response.context["roles"] == []
    assert "Tick the skills you already have" in response.content.decode()


@pytest.mark.parametrize(
    "query", ["have=cobol", "have=sql&have=%00", "have=" + "x" * 5000, "have=sql&have=SQL"]
)
def test_unknown_skills_are_a_form_error_not_a_ranking(client, skills, query):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    assert response.context["form"].errors["have"]
    assert response.context["roles"] == []
    assert "Check your skills" in response.content.decode()


def test_a_skill_ticked_twice_counts_once(client, skills, committed):
    with committed():
        give(RoleFactory(slug="r"), skills, sql=Importance.ESSENTIAL, ml=Importance.ESSENTIAL)
    response = client.get(URL, {"have": ["sql", "sql"]})
    assert response.context["have"] == ["sql"]
    assert response.context["roles"][0].coverage_percent == 50


def test_unpublished_roles_are_never_ranked(client, skills, committed):
    with committed():
        give(RoleFactory(slug="hidden", is_published=False), skills, sql=Importance.ESSENTIAL)
    assert ranked(client.get(URL, {"have": "sql"})) == []


def test_reachable_from_home_role_list_and_every_skill_page(client, article_data):
    assert URL in client.get(reverse("careers:home")).content.decode()
    assert URL in client.get(reverse("careers:role_list")).content.decode()
    skill_page = client.get(reverse("careers:skill_detail", args=["python"])).content.decode()
    assert f"{URL}?have=python" in skill_page


def test_the_article_ranks_the_machine_learning_engineer_for_its_skills(client, article_data):
    response = client.get(URL, {"have": ["deep-learning", "programming"]})
    assert response.status_code == 200
    assert "machine-learning-engineer" in ranked(response)


@pytest.mark.usefixtures("official_data")
def test_each_ranked_role_shows_its_official_national_median(client):
    response = client.get(URL, {"have": ["deep-learning"]})
    mle = next(r for r in response.context["roles"] if r.slug == "machine-learning-engineer")
    assert mle.bls_median == 120000  # its closest occupation, nationally, in the small release
    html = response.content.decode()
    assert "Official median, United States" in html
    assert "never merged" in html


def test_every_pay_source_listed_under_the_ranking_is_cited_by_a_figure(client, article_data):
    response = client.get(URL, {"have": ["deep-learning"]})
    html = response.content.decode()
    for number in range(1, len(response.context["pay_notes"]) + 1):
        assert f'href="#pay-note-{number}"' in html
