"""The role list's filters, sort, pagination and error handling, against the article's data."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from careers.models import Role, RoleSkill, Skill

URL = reverse("careers:role_list")

PAID_HIGH_TO_LOW = [
    "nlp-scientist",
    "machine-learning-engineer",
    "data-scientist",
    "software-engineer",
    "software-developer",
    "computational-linguist",
    "bi-developer",
]
UNPAID_BY_TITLE = [
    "ai-research-scientist",
    "computer-engineer",
    "data-analyst",
    "head-of-ai",
    "junior-data-scientist",
    "senior-machine-learning-engineer",
    "software-programmer",
]

pytestmark = pytest.mark.usefixtures("article_data")


def slugs(response):
    return [role.slug for role in response.context["roles"]]


def errors(response):
    return response.context["filter"].form.errors


def test_default_lists_every_published_role_highest_pay_first_unpaid_last(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert slugs(response) == PAID_HIGH_TO_LOW + UNPAID_BY_TITLE
    assert "14 roles" in response.text


def test_rows_show_pay_with_a_numbered_source_and_say_when_there_is_none(client):
    html = client.get(URL).text
    assert "$168,730" in html
    assert 'href="#pay-note-1"' in html
    note = re.search(r'<li id="pay-note-1">(.*?)</li>', html, re.S).group(1)
    assert "as of February 2025" in note
    assert "No pay data" in html
    assert "Salary data fluctuates frequently." in html


def test_glassdoor_range_is_shown_with_its_own_source(client):
    html = client.get(URL).text
    assert '$135,000</span>–<span class="figure">$215,000' in html
    assert "Glassdoor" in html


def test_unpublished_roles_are_not_listed(client):
    Role.objects.filter(slug="data-scientist").update(is_published=False)
    assert "data-scientist" not in slugs(client.get(URL))


def test_pay_min_keeps_the_four_roles_at_or_above_it(client):
    response = client.get(URL, {"pay_min": "160000"})
    assert set(slugs(response)) == {
        "machine-learning-engineer",
        "data-scientist",
        "nlp-scientist",
        "software-engineer",
    }
    assert "4 roles" in response.text


@pytest.mark.parametrize("value", ["160000", "160,000", "$160,000", " 160000 "])
def test_pay_accepts_plain_and_comma_grouped_dollars(client, value):
    assert len(slugs(client.get(URL, {"pay_min": value}))) == 4


def test_pay_max_keeps_roles_at_or_below_it(client):
    response = client.get(URL, {"pay_max": "135000"})
    assert slugs(response) == ["software-developer", "computational-linguist", "bi-developer"]


def test_pay_bounds_are_inclusive(client):
    response = client.get(URL, {"pay_min": "168730", "pay_max": "168730"})
    assert slugs(response) == ["machine-learning-engineer"]


def test_roles_without_pay_drop_out_only_when_a_bound_is_set(client):
    assert set(UNPAID_BY_TITLE) <= set(slugs(client.get(URL)))
    assert not set(UNPAID_BY_TITLE) & set(slugs(client.get(URL, {"pay_min": "0"})))
    assert not set(UNPAID_BY_TITLE) & set(slugs(client.get(URL, {"pay_max": "10000000"})))


@pytest.mark.parametrize(
    "sort, expected",
    [
        ("-pay", PAID_HIGH_TO_LOW + UNPAID_BY_TITLE),
        ("pay", PAID_HIGH_TO_LOW[::-1] + UNPAID_BY_TITLE),
    ],
)
def test_pay_sorts_put_roles_without_pay_last_in_both_directions(client, sort, expected):
    assert slugs(client.get(URL, {"sort": sort})) == expected


@pytest.mark.parametrize("sort", ["title", "-title"])
def test_title_sorts(client, sort):
    titles = [role.title for role in client.get(URL, {"sort": sort}).context["roles"]]
    assert titles == sorted(titles, reverse=sort.startswith("-"))
    assert len(titles) == 14


@pytest.mark.parametrize("sort", ["median", "PAY", "pay; DROP TABLE", "?", "-"])
def test_invalid_sort_is_a_form_error_and_lists_nothing(client, sort):
    response = client.get(URL, {"sort": sort})
    assert response.status_code == 200
    assert "sort" in errors(response)
    assert slugs(response) == []
    assert "Sort by pay, by title or by projected growth." in response.text
    assert "fix the filters" in response.text


def test_pay_min_above_pay_max_says_so(client):
    response = client.get(URL, {"pay_min": "200000", "pay_max": "100000"})
    assert response.status_code == 200
    assert errors(response)["pay_min"] == ["Minimum pay is above maximum pay."]
    assert "Minimum pay is above maximum pay." in response.text


@pytest.mark.parametrize(
    "value",
    [
        "1e5",
        "1E5",
        "NaN",
        "nan",
        "Infinity",
        "-Infinity",
        "inf",
        "150000.5",
        "150000.0",
        "-5",
        "0x10",
        "1_000",
        "١٢٣",
        "10000001",
        "99999999999999999999999",
        "12a",
        "1,00",
    ],
)
def test_pay_rejects_anything_but_whole_dollars_in_range(client, value):
    response = client.get(URL, {"pay_min": value})
    assert response.status_code == 200
    assert "pay_min" in errors(response)
    assert slugs(response) == []


def test_error_is_shown_next_to_the_field_and_in_a_summary(client):
    html = client.get(URL, {"pay_max": "lots"}).text
    assert 'id="id_pay_max_error"' in html
    assert 'aria-invalid="true"' in html
    assert 'class="error-summary"' in html
    assert 'href="#id_pay_max"' in html


def test_skill_filter_needs_every_chosen_skill(client, committed):
    analyst = Role.objects.get(slug="data-analyst")
    with committed():
        RoleSkill.objects.create(role=analyst, skill=Skill.objects.get(slug="programming"))
    one = set(slugs(client.get(URL, {"skill": "programming"})))
    both = set(slugs(client.get(URL, {"skill": ["programming", "deep-learning"]})))
    deep = set(slugs(client.get(URL, {"skill": "deep-learning"})))
    assert one == {"machine-learning-engineer", "data-analyst"}
    assert deep == {"machine-learning-engineer"}
    assert both == one & deep


def test_a_skill_named_for_every_role_keeps_every_role(client):
    every = set(slugs(client.get(URL, {"sort": "title"})))
    # The FAQ's languages and the soft skills are named for machine learning roles in general.
    assert set(slugs(client.get(URL, {"skill": ["python", "teamwork"]}))) == every
    deep = slugs(client.get(URL, {"skill": "deep-learning"}))
    assert slugs(client.get(URL, {"skill": ["deep-learning", "python"]})) == deep


def test_repeating_the_same_skill_is_harmless(client):
    once = slugs(client.get(URL, {"skill": "deep-learning"}))
    assert slugs(client.get(URL, {"skill": ["deep-learning"] * 5})) == once


def test_unknown_skill_is_a_form_error(client):
    response = client.get(URL, {"skill": ["deep-learning", "basket-weaving"]})
    assert response.status_code == 200
    assert "skill" in errors(response)
    assert "basket-weaving" in response.text


def test_search_matches_skill_names(client):
    assert "machine-learning-engineer" in slugs(client.get(URL, {"q": "deep learning"}))


def test_search_matches_title_words_case_insensitively(client):
    assert slugs(client.get(URL, {"q": "LINGUIST"})) == ["computational-linguist"]


def test_search_needs_every_word_to_match_somewhere(client):
    assert slugs(client.get(URL, {"q": "linguist ranking"})) == []


def test_search_for_a_skill_named_for_every_role_finds_every_role(client):
    every = set(slugs(client.get(URL, {"sort": "title"})))
    assert set(slugs(client.get(URL, {"q": "teamwork", "sort": "title"}))) == every
    # Still every word must match: the skill keeps every role, the title narrows them.
    assert slugs(client.get(URL, {"q": "linguist teamwork"})) == ["computational-linguist"]


def test_search_matching_several_skills_lists_the_role_once(client):
    found = slugs(client.get(URL, {"q": "a"}))
    assert found.count("machine-learning-engineer") == 1
    assert len(found) == len(set(found))


def test_search_longer_than_200_characters_is_a_form_error(client):
    response = client.get(URL, {"q": "a" * 201})
    assert response.status_code == 200
    assert "q" in errors(response)


def test_search_treats_like_wildcards_literally(client):
    assert slugs(client.get(URL, {"q": "%"})) == []
    assert slugs(client.get(URL, {"q": "_"})) == []


def test_stage_filter(client):
    assert set(slugs(client.get(URL, {"stage": "entry-level"}))) == {
        "data-analyst",
        "junior-data-scientist",
    }


def test_company_filter_lists_roles_hiring_there(client):
    assert slugs(client.get(URL, {"company": "amazon"})) == ["machine-learning-engineer"]


@pytest.mark.parametrize("param", ["stage", "company"])
def test_unknown_stage_or_company_is_a_form_error(client, param):
    response = client.get(URL, {param: "no-such-thing"})
    assert response.status_code == 200
    assert param in errors(response)


def test_nul_byte_is_a_form_error_before_the_database(client):
    for param in ("q", "skill", "stage", "company", "sort", "pay_min"):
        response = client.get(URL, {param: "deep\x00learning"})
        assert response.status_code == 200, param
        assert param in errors(response), param
        # Echoing the refused value back would put a NUL into the HTML: a parse error.
        assert b"\x00" not in response.content, param


def test_filters_combine(client):
    response = client.get(
        URL, {"pay_min": "150000", "skill": "deep-learning", "stage": "established"}
    )
    assert slugs(response) == ["machine-learning-engineer"]


def test_active_filters_link_to_the_list_without_each_one(client):
    response = client.get(URL, {"pay_min": "150000", "skill": ["python", "deep-learning"]})
    active = {item["label"]: item["href"] for item in response.context["active_filters"]}
    assert active["Median pay from $150,000"] == f"{URL}?skill=python&skill=deep-learning"
    assert active["Skill: Python"] == f"{URL}?pay_min=150000&skill=deep-learning"
    assert f'href="{URL}"' in response.text
    assert "Clear all filters" in response.text


def test_clear_all_keeps_a_chosen_sort(client):
    response = client.get(URL, {"q": "data", "sort": "title"})
    assert response.context["clear_href"] == f"{URL}?sort=title"


def test_empty_result_says_which_filter_to_loosen(client):
    response = client.get(URL, {"stage": "entry-level", "company": "amazon"})
    assert slugs(response) == []
    suggestions = {s["label"]: s["count"] for s in response.context["loosen"]}
    assert suggestions["Hiring: Amazon"] == len(slugs(client.get(URL, {"stage": "entry-level"})))
    assert suggestions["Career stage: Entry level"] == 1
    assert "No role matches all of these filters." in response.text


def test_form_is_a_labelled_get_form_with_fieldsets(client):
    html = client.get(URL).text
    assert 'method="get"' in html
    for legend in ("Pay", "Skills", "Career stage"):
        assert f"<legend>{legend}</legend>" in html
    # Skills in groups, in this order.
    technical = html.index("<legend>Technical skills</legend>")
    soft = html.index("<legend>Soft skills</legend>")
    assert technical < soft < html.index("<legend>Programming languages</legend>")
    assert '<label for="id_company">' in html
    assert 'type="checkbox" name="skill" value="deep-learning"' in html
    assert '<details class="filters-disclosure">' in html
    assert 'type="submit"' in html


@pytest.fixture
def forty_synthetic_roles(article_data, committed):
    with committed():
        call_command("generate_synthetic_roles", "40", verbosity=0)


@pytest.mark.usefixtures("forty_synthetic_roles")
class TestPagination:
    def test_second_page_keeps_the_filters_in_its_links(self, client):
        response = client.get(URL, {"pay_min": "1", "sort": "title", "page": "2"})
        assert response.status_code == 200
        assert response.context["page_obj"].number == 2
        assert "?pay_min=1&amp;sort=title&amp;page=1" in response.text
        first = slugs(client.get(URL, {"pay_min": "1", "sort": "title"}))
        assert len(first) == 25
        assert not set(first) & set(slugs(response))

    def test_page_one_links_to_page_two_with_filters(self, client):
        html = client.get(URL, {"q": "synthetic"}).text
        assert 'href="?q=synthetic&amp;page=2"' in html
        assert 'rel="next"' in html

    @pytest.mark.parametrize("page", ["4", "0", "-1", "abc", "1.5", "99999999999999999999", "\x00"])
    def test_out_of_range_or_non_numeric_page_is_404(self, client, page):
        assert client.get(URL, {"page": page}).status_code == 404

    def test_last_is_a_page(self, client):
        response = client.get(URL, {"page": "last"})
        assert response.status_code == 200
        assert response.context["page_obj"].number == 3
