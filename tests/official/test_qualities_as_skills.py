"""BLS's important qualities as skills: /skills/ lists them as BLS's, /match/ ranks roles by
them beside the guide's skills, each match saying which source named which skill."""

import re

from django.urls import reverse

from careers.models import Role, Skill
from tests.test_query_counts_pages import add_synthetic_roles

from .ooh_pages import files, plain, projection_rows, raw

MATCH = reverse("careers:match")


def qualities_named_for(soc_code):
    """The qualities' paragraphs' opening words on the page whose table lists `soc_code`."""
    for entry in files():
        page = raw(entry["file"])
        if any(row[1] == soc_code for row in projection_rows(page)):
            section = page.split(">Important Qualities<")[1].split("<h3")[0]
            return [
                plain(p) for p in re.findall(r"<p>(.*?)</p>", section, re.S) if "<strong" in p[:20]
            ]
    return []


def results(html):
    return re.findall(r'<h3 id="match-([^"]+)"', html)


def test_match_ranks_every_role_whose_occupation_bls_names_them_for(handbook_data, client):
    # Only BLS's qualities: a skill the guide names for every role would rank every role.
    response = client.get(MATCH, {"have": ["analytical-skills", "math-skills"]})
    assert response.status_code == 200
    html = response.content.decode()
    expected = set()
    for role in Role.objects.published().exclude(official_occupation=None):
        named = qualities_named_for(role.official_occupation.soc_code)
        if any(p.startswith(("Analytical", "Math skills")) for p in named):
            expected.add(role.slug)
    assert len(expected) >= 10
    assert set(results(html)) == expected
    assert f"{len(expected)} roles need at least one of: Analytical skills, Math skills" in (
        plain(html)
    )


def test_each_match_says_which_source_named_which_skill(handbook_data, client):
    html = client.get(MATCH, {"have": ["analytical-skills", "math-skills"]}).content.decode()
    row = re.search(r'<h3 id="match-data-scientist">.*?</article>', html, re.S).group(0)
    text = plain(row)
    assert "Important qualities you have (BLS) Analytical skills Math skills" in text
    assert (
        "Qualities to build (BLS) Computer skills Communication skills Logical-thinking skills "
        "Problem-solving skills" in text
    )
    assert "https://www.bls.gov/ooh/math/data-scientists.htm#tab-4" in row
    # Data Scientist lists no guide skills of its own: 2 of the page's 6 qualities, each
    # weighted 2, beside the guide's 6 skills for every role, each weighted 2: 4 of 24.
    assert "You cover 17% of this role's weighted skills" in text
    assert "The guide lists no skills for this role alone." in text


def test_guide_skills_and_qualities_count_together(handbook_data, client):
    html = client.get(MATCH, {"have": ["deep-learning", "analytical-skills"]}).content.decode()
    row = plain(
        re.search(r'<h3 id="match-machine-learning-engineer">.*?</article>', html, re.S).group(0)
    )
    role = Role.objects.get(slug="machine-learning-engineer")
    weights = {1: 3, 2: 2, 3: 1}
    guide_total = sum(weights[link.importance] for link in role.role_skills.all())
    deep = weights[role.role_skills.get(skill__slug="deep-learning").importance]
    named = len(qualities_named_for(role.official_occupation.soc_code))
    # The skills the guide names for every role count for this one too, each as valuable.
    general = Skill.objects.filter(for_all_roles=True).count()
    percent = round((deep + 2) / (guide_total + 2 * named + 2 * general) * 100)
    assert f"You cover {percent}% of this role's weighted skills" in row
    assert "Skills you have Deep learning" in row


def test_a_role_without_an_official_occupation_gets_no_qualities(handbook_data, client):
    html = client.get(MATCH, {"have": ["analytical-skills"]}).content.decode()
    assert "computer-engineer" not in results(html)


def test_skills_page_groups_the_qualities_as_bls_s(handbook_data, client):
    html = client.get(reverse("careers:skill_list")).content.decode()
    section = re.search(r'<section aria-labelledby="skills-bls">.*?</section>', html, re.S).group(0)
    assert "Important qualities (U.S. Bureau of Labor Statistics)" in section
    row = plain(re.search(r'<tr id="quality-math-skills">.*?</tr>', section, re.S).group(0))
    roles = (
        Role.objects.published()
        .filter(official_occupation__soc_code__in=["15-2011", "15-1221", "15-2051", "15-2031"])
        .count()
    )
    # The count second, so that it stays in view on a phone.
    assert row == (
        f"Math skills {roles} Actuaries ; Computer and information research scientists ; "
        "Data scientists ; Mathematicians and statisticians ; Operations research analysts"
    )
    assert "Listed by: U.S. Bureau of Labor Statistics, Occupational Outlook Handbook" in section


def test_query_counts_stay_flat(handbook_data, client, django_assert_num_queries):
    # /match/: the skill choices, BLS's qualities, the nation's area (none: no OEWS release
    # here), count, rows, their skills, their salaries, the qualities of their occupations,
    # and the area control's nation and states.
    # /skills/: the skills, the role total, the qualities and the pages naming them.
    query = {"have": ["analytical-skills", "python"]}
    with django_assert_num_queries(9):
        client.get(MATCH, query)
    with django_assert_num_queries(4):
        client.get(reverse("careers:skill_list"))
    add_synthetic_roles(1000)
    with django_assert_num_queries(9):
        client.get(MATCH, query)
    with django_assert_num_queries(4):
        client.get(reverse("careers:skill_list"))
