"""The role page's OOH panels: the projection of the role's official occupation (group figures
said to be the group's), how people get in, BLS's qualities beside the guide's skills, similar
occupations, the two releases' medians side by side, every figure against the pages."""

import re

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from careers.models import Role
from official.models import Occupation
from tests.factories import RoleFactory
from tests.test_query_counts_pages import add_synthetic_roles

from .oews_file import write_release
from .ooh_pages import files, number, plain, projection_rows, quick_fact, raw


def page(client, slug):
    response = client.get(reverse("careers:role_detail", args=[slug]))
    assert response.status_code == 200
    return response.content.decode()


def section(html, css_class):
    return re.search(rf'<section class="{css_class}".*?</section>', html, re.S).group(0)


def source_page(soc_code):
    """(raw HTML, manifest entry, projections rows) of the page whose table lists the code."""
    for entry in files():
        html = raw(entry["file"])
        rows = projection_rows(html)
        if any(row[1] == soc_code for row in rows):
            return html, entry, rows
    raise AssertionError(soc_code)


def map_role(title, soc_code, occupation_title):
    occupation = Occupation.objects.get_or_create(
        soc_code=soc_code, defaults={"title": occupation_title}
    )[0]
    return RoleFactory(title=title, official_occupation=occupation, official_match="closest")


def test_every_mapped_role_shows_its_occupation_s_projection_from_the_page(handbook_data, client):
    roles = Role.objects.published().exclude(official_occupation=None)
    assert roles.count() == 13
    for role in roles.select_related("official_occupation"):
        code = role.official_occupation.soc_code
        html, entry, rows = source_page(code)
        row = next(row for row in rows if row[1] == code)
        text = plain(section(page(client, role.slug), "official-outlook"))
        employment_2024, employment_2034, percent, change = (number(v) for v in row[2:6])
        assert f"Employment, 2024 {employment_2024:,}" in text
        assert f"Projected employment, 2034 {employment_2034:,}" in text
        sign = "+" if percent > 0 else "−"
        assert f"Change, 2024-34 {sign}{abs(percent)}% ({sign}{abs(change):,} jobs)" in text
        openings = re.search(r"bout ([\d,]+) openings for", plain(html)).group(1)
        assert f"About {openings}" in text
        phrase = re.search(r"\((.+)\)", quick_fact(html, "qf-outlook")).group(1)
        assert f"“{phrase}”" in text
        assert entry["page"] in section(page(client, role.slug), "official-outlook")
        assert "last modified 28 August 2025" in text


def test_group_figures_say_they_are_the_group_s(handbook_data, client):
    html = page(client, "software-developer")  # mapped to 15-1252, on a group page
    text = plain(section(html, "official-outlook"))
    # 15-1252's own row; the openings and phrase are the group's, and say so.
    assert "Employment, 2024 1,693,800" in text
    assert "Change, 2024-34 +16% (+267,700 jobs)" in text
    group = "software developers, quality assurance analysts, and testers"
    assert f"Openings a year, on average, for {group} About 129,200" in text
    assert f"BLS's job outlook for {group} “Much faster than average” (+15% for the group)" in text
    # Quick Facts' $131,450 is the group's median: never shown as 15-1252's.
    assert "$131,450" not in text
    assert "May 2024 $133,080" in text
    way_in = plain(section(html, "official-way-in"))
    assert f"typical for {group} (BLS gives these for the group)" in way_in
    exact = plain(section(page(client, "data-scientist"), "official-outlook"))
    assert "for the group" not in exact
    assert "Openings a year, on average About 23,400" in exact


def test_how_people_get_in_and_similar_occupations(handbook_data, client):
    html = page(client, "data-scientist")
    way_in = section(html, "official-way-in")
    text = plain(way_in)
    assert "Typical entry-level education Bachelor's degree" in text
    assert "Work experience in a related occupation None" in text
    assert "On-the-job training None" in text
    source = raw("data-scientists.html.gz")
    table = source.split('id="similar-occupations"')[1].split("</table>")[0]
    for href in re.findall(r'<strong style="font-size:1.1em">\s*<a href="([^"]+)"', table):
        assert f'href="https://www.bls.gov{href}"' in way_in
    assert (
        "Mathematicians and Statisticians</a>: entry-level education Master's degree; 2024 median pay $104,350."
        in (way_in.replace("&#x27;", "'"))
    )


def test_see_how_to_become_one_is_a_link_never_a_value(handbook_data, client):
    role = map_role("Help Desk Analyst", "15-1232", "Computer User Support Specialists")
    way_in = section(page(client, role.slug), "official-way-in")
    url = "https://www.bls.gov/ooh/computer-and-information-technology/computer-support-specialists.htm"
    assert f'<a href="{url}#tab-4" rel="noopener">See How to Become One</a>' in way_in
    assert "On-the-job training Moderate-term on-the-job training" in plain(way_in)
    outlook = plain(section(page(client, role.slug), "official-outlook"))
    # A declining occupation on a declining group page.
    assert "Change, 2024-34 −4% (−27,000 jobs)" in outlook
    assert "About 50,500, despite declining employment" in outlook


def test_qualities_beside_the_guide_s_skills_with_their_source(handbook_data, client):
    skills = section(page(client, "data-scientist"), "role-skills")
    assert "Important qualities (U.S. Bureau of Labor Statistics)" in skills
    names = re.findall(r"<li>([^<]+)</li>", skills.split("Important qualities")[1])
    assert names == [
        "Analytical skills",
        "Computer skills",
        "Communication skills",
        "Logical-thinking skills",
        "Math skills",
        "Problem-solving skills",
    ]
    assert "data-scientists.htm#tab-4" in skills


def test_two_releases_side_by_side_each_cited(handbook_data, client, tmp_path, committed):
    with committed():
        call_command("import_oews", str(write_release(tmp_path)), verbosity=0)
    text = plain(section(page(client, "data-scientist"), "official-outlook"))
    assert "May 2024 $112,590 Occupational Outlook Handbook, Pay tab" in text
    assert "May 2025 $120,000 Source: U.S. Bureau of Labor Statistics" in text
    assert "estimates as of May 2025" in text
    assert "not subtracted" in text
    assert "7,410" not in text  # no computed change


def test_roles_without_figures_say_so(handbook_data, client):
    text = plain(section(page(client, "computer-engineer"), "official-outlook"))
    assert "No official occupation is chosen for this role, so no official outlook is shown" in text
    # Its candidates are compared, not missing: the page points to them.
    assert "its candidate occupations are side by side under Why no official occupation?" in text
    assert 'href="#official-why-heading"' in section(
        page(client, "computer-engineer"), "official-outlook"
    )
    role = map_role("Astronomer", "19-2011", "Astronomers")
    text = plain(section(page(client, role.slug), "official-outlook"))
    assert "do not cover astronomers" in text
    assert "official-way-in" not in page(client, role.slug)


def test_age_follows_the_site_rule_from_the_last_modified_date(handbook_data, client):
    with override_settings(CAREERGUIDE_STALE_AFTER_MONTHS=6):
        text = plain(section(page(client, "data-scientist"), "official-outlook"))
        assert "BLS Handbook: page last modified 28 August 2025" in text
        assert "more than 6 months old" in text
    with override_settings(CAREERGUIDE_STALE_AFTER_MONTHS=1200):
        html = section(page(client, "data-scientist"), "official-outlook")
        assert "BLS Handbook: page last modified 28 August 2025" in plain(html)
        assert "date-line__age" not in html


# The role page's 12 queries, + its alternative occupations and their national estimates, + its
# next roles' national estimates (both pages' next role is mapped), + the national OEWS
# estimate for a mapped role, + the states and the metro areas with the most jobs, + the OOH
# projection with its page, the page's rows, qualities (and their names) and similar occupations.
@pytest.mark.parametrize(
    ("slug", "queries"), [("software-developer", 24), ("computer-engineer", 16)]
)
def test_query_count_is_flat_at_a_thousand_more_roles(
    handbook_data, client, django_assert_num_queries, slug, queries
):
    with django_assert_num_queries(queries):
        page(client, slug)
    add_synthetic_roles(1000)
    Role.objects.filter(is_synthetic=True).update(
        official_occupation=Occupation.objects.get(soc_code="15-1252"), official_match="closest"
    )
    with django_assert_num_queries(queries):
        page(client, slug)
