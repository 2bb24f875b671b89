"""Each credit says who wrote what: the Experience step sentence by sentence, Indeed's figure
in Indeed's words, the nation named "United States" in the CSV and the API as on pages, and
the skill match counting the skills the guide names for every role, as /skills/ does."""

import csv
import html
import io
import re

import pytest
from django.urls import reverse

from careers.models import EducationPassage, EducationStep, OutlookStatistic, Role, Skill
from tests.factories import RoleFactory, RoleSkillFactory, SkillFactory

DDS_SENTENCE = (
    "As described by Discover Data Science, some machine learning positions may require "
    "previous experience in an engineer or artificial intelligence-specific role."
)
STARTING_ROLES_SENTENCE = (
    "For a career in machine learning, you may want to start in a software engineer, software "
    "programmer, software developer, data scientist or computer engineer role."
)
GUIDE = "Want to Work in Machine Learning? [2025 Career & Industry Guide]"


def words(fragment):
    """What a reader sees: tags dropped, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def step_block(body, title):
    start = body.index(f"<h3>{title}</h3>")
    return body[start : body.index("</li>", start)]


def paragraph_with(block, text):
    """The <p> of `block` whose words hold `text`."""
    [paragraph] = [p for p in block.split("<p") if text in words("<p" + p)]
    return words("<p" + paragraph)


@pytest.mark.parametrize(
    "url",
    [
        reverse("careers:path"),
        reverse("careers:role_detail", args=["machine-learning-engineer"]),
    ],
)
def test_the_experience_step_credits_each_sentence_to_who_wrote_it(client, article_data, url):
    block = step_block(client.get(url).text, "Experience")
    quoted = paragraph_with(block, DDS_SENTENCE)
    assert "Source: Discover Data Science" in quoted
    assert GUIDE not in quoted
    own = paragraph_with(block, STARTING_ROLES_SENTENCE)
    assert f"Source: {GUIDE}" in own
    assert "Discover Data Science" not in own


def test_in_the_data_only_the_first_sentence_is_discover_data_sciences(article_data):
    credited = EducationPassage.objects.filter(source__slug="discover-data-science")
    assert list(credited.values_list("text", flat=True)) == [DDS_SENTENCE]
    starting = EducationPassage.objects.get(text__contains="you may want to start in")
    assert starting.source.slug == "article"
    assert starting.step.slug == "experience"


def test_a_starting_role_on_the_path_cites_the_guides_sentence_not_discover_data_science(
    client, article_data
):
    body = client.get(reverse("careers:path")).text
    # The evidence behind the arrows the guide names: grouped, the group citing its passage.
    groups = [
        words(group.split("</section>")[0])
        for group in body.split('<section class="path-evidence__group"')[1:]
    ]
    [named] = [g for g in groups if "the guide names each role below as one to start in" in g]
    arrows = re.findall(r"[^.]*? lead to Machine Learning Engineer", named)
    assert any("Computer Engineer" in arrow for arrow in arrows)
    assert f"Source: {GUIDE}" in named
    assert "Discover Data Science" not in named


def test_a_step_without_passages_still_cites_its_own_source(client, db):
    step = EducationStep.objects.create(slug="bootcamp", title="Bootcamp", order=1)
    body = client.get(reverse("careers:path")).text
    assert "Source: not named" in words(step_block(body, step.title))


def test_indeed_figure_is_labelled_in_indeeds_words(client, article_data):
    growth = OutlookStatistic.objects.get(slug="indeed-growth-rate")
    # The guide: Indeed ranks machine learning engineer #8, "citing a 53% growth rate since
    # 2020"; it says nothing of what grew (jobs, postings), so neither does the label.
    assert growth.label == "Growth rate Indeed cites for machine learning engineer"
    assert "jobs" not in growth.label.lower()
    assert "53% growth rate since 2020" in growth.statement
    for url in (reverse("careers:outlook"), reverse("careers:home")):
        text = words(client.get(url).text)
        assert "Growth rate Indeed cites for machine learning engineer 53%" in text
        assert "growth rate of machine learning engineer jobs" not in text.lower()


@pytest.mark.usefixtures("official_data")
def test_the_csv_names_the_nation_united_states(client):
    response = client.get(reverse("careers:role_export"))
    text = b"".join(response.streaming_content).decode()
    areas = {row["bls_area"] for row in csv.DictReader(io.StringIO(text))}
    assert areas == {"United States"}


@pytest.mark.usefixtures("official_data")
def test_the_api_names_the_nation_united_states(client):
    listed = client.get(reverse("api:role-list"), {"q": "data scientist"}).json()
    official = [r["official_median"] for r in listed["results"] if r["official_median"]]
    assert official
    assert {o["area"]["name"] for o in official} == {"United States"}
    detail = client.get(reverse("api:role-detail", args=["data-scientist"])).json()
    assert detail["official_national"]["area"] == {"code": "US", "name": "United States"}
    named_state = client.get(reverse("api:role-list"), {"area": "CA", "q": "data scientist"})
    assert {r["official_median"]["area"]["name"] for r in named_state.json()["results"]} == {
        "California"
    }


def test_match_counts_python_for_every_role_as_the_skills_page_does(client, article_data):
    roles = Role.objects.published().count()
    skills_page = words(client.get(reverse("careers:skill_list")).text)
    assert f"Python All {roles} (in general)" in skills_page
    response = client.get(reverse("careers:match"), {"have": "python"})
    assert response.context["paginator"].count == roles
    text = words(response.text)
    assert f"{roles} roles need at least one of: Python." in text
    assert "No role on this site needs" not in text
    # Shown as what it is: named for every role, beside each role's own skills.
    first = response.context["roles"][0]
    assert first.coverage_percent > 0
    assert "Python (every role)" in text


def test_a_general_skill_counts_like_a_valuable_skill_in_every_roles_total(client, db):
    deep = SkillFactory(slug="deep-learning", name="Deep learning")
    SkillFactory(slug="python", name="Python", for_all_roles=True)
    role = RoleFactory(title="Engineer")
    RoleSkillFactory(role=role, skill=deep, importance=1)  # essential: 3
    bare = RoleFactory(title="Analyst")  # no skills of its own
    response = client.get(reverse("careers:match"), {"have": "python"})
    coverage = {r.title: r.coverage_percent for r in response.context["roles"]}
    # Python counts 2 (valuable) of Engineer's 3 + 2, and all of Analyst's 2.
    assert coverage == {bare.title: 100, role.title: 40}
    missing = client.get(reverse("careers:match"), {"have": "deep-learning"})
    assert {r.title: r.coverage_percent for r in missing.context["roles"]} == {role.title: 60}
    assert "Python (every role)" in words(missing.text)


def test_general_skills_are_the_skills_page_ones(article_data):
    general = set(Skill.objects.filter(for_all_roles=True).values_list("slug", flat=True))
    assert {"python", "r"} <= general


@pytest.mark.usefixtures("official_data")
def test_the_pay_page_highlights_the_nation_as_united_states(client):
    response = client.get(reverse("careers:role_pay", args=["data-scientist"]), {"area": "US"})
    assert response.status_code == 200
    text = words(response.text)
    assert "Highlighted: United States" in text
    assert "National" not in text
