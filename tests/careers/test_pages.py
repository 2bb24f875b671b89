"""The public pages other than the role list and role page, on small hand-made data sets."""

import datetime
import re
from decimal import Decimal

import pytest
from django.template.loader import render_to_string

from careers.formatting import stat_value
from careers.models import EducationStep, Importance, Quote, QuoteTopic, SkillKind
from tests.factories import (
    CareerStageFactory,
    CompanyFactory,
    OutlookStatisticFactory,
    RoleFactory,
    RoleSkillFactory,
    SalaryFactory,
    SkillFactory,
    SourceFactory,
)
from tests.page_parsing import parse

pytestmark = pytest.mark.django_db

FEB_2025 = datetime.date(2025, 2, 1)


def text(response):
    return response.content.decode()


# ---------- home ----------


def test_home_quotes_the_definitions_with_their_sources(client):
    source = SourceFactory(publisher="TechRepublic", title="")
    Quote.objects.create(
        slug="def-1", text="A branch of AI.", topic=QuoteTopic.DEFINITION, source=source
    )
    Quote.objects.create(
        slug="prof-1", text="They solve problems.", topic=QuoteTopic.PROFESSION, source=source
    )
    body = text(client.get("/"))
    assert "<blockquote><p>A branch of AI.</p></blockquote>" in body
    assert "Source: TechRepublic, date not stated." in body
    assert "They solve problems." not in body  # not a definition


def test_home_shows_headline_pay_and_outlook_each_with_source_and_date(client):
    role = RoleFactory(slug="machine-learning-engineer", title="Machine Learning Engineer")
    SalaryFactory(
        role=role,
        source=SourceFactory(publisher="Pay Survey", title=""),
        median=150_000,
        as_of=FEB_2025,
    )
    SalaryFactory(
        role=role,
        source=SourceFactory(publisher="Other Survey", title=""),
        median=None,
        average=151_000,
        low=120_000,
        high=190_000,
        as_of=None,
    )
    OutlookStatisticFactory(
        label="Growth",
        value=Decimal("53"),
        unit="percent",
        source=SourceFactory(publisher="Jobs Board", title=""),
        as_of=FEB_2025,
    )
    OutlookStatisticFactory(label="Worded only", value=None, unit="")
    body = text(client.get("/"))
    assert "$150,000" in body
    assert "Source: Pay Survey, as of February 2025." in body
    assert "$151,000" in body and "$120,000 to $190,000" in body
    assert "Source: Other Survey, date not stated." in body
    assert "53%" in body
    assert "Source: Jobs Board, as of February 2025." in body
    assert "Worded only" not in body  # headline figures are the ones with a number
    assert role.get_absolute_url() in body


def test_home_links_into_every_section(client):
    links = set(parse(client.get("/")).links)
    assert {"/careers/", "/skills/", "/path/", "/companies/", "/outlook/", "/faq/"} <= links


def test_home_with_no_data_still_renders_with_empty_states(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "No pay figures have been added yet." in text(response)


# ---------- navigation and design ----------


def test_nav_marks_the_current_page_and_section(client):
    skill = SkillFactory()
    nav_on_list = text(client.get("/skills/"))
    assert '<a href="/skills/" aria-current="page">Skills</a>' in nav_on_list
    nav_on_detail = text(client.get(f"/skills/{skill.slug}/"))
    assert '<a href="/skills/" aria-current="true">Skills</a>' in nav_on_detail
    assert '<a href="/" aria-current' not in nav_on_detail


def test_pages_use_no_inline_styles_or_scripts(client):
    for url in ("/", "/skills/", "/companies/", "/outlook/", "/path/", "/faq/"):
        page = parse(client.get(url))
        assert page.count("script") == 0, url
        assert page.count("style") == 0, url
        assert not any("style" in attrs for _, attrs in page.tags), url


def test_tables_scroll_in_a_focusable_labelled_region(client):
    RoleSkillFactory()
    page = parse(client.get("/skills/"))
    regions = [a for tag, a in page.tags if a.get("class") == "table-scroll"]
    assert regions
    for attrs in regions:
        assert attrs["role"] == "region" and attrs["tabindex"] == "0"
        assert attrs.get("aria-label") or attrs.get("aria-labelledby")
    headers = [a for tag, a in page.tags if tag == "th"]
    assert headers and all("scope" in a for a in headers)


def test_500_page_renders_without_a_request_or_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        html = render_to_string("500.html")  # no request, empty context: as server_error does
    assert 'data-error="500"' in html
    assert html.count("<h1>") == 1


# ---------- outlook ----------


def test_outlook_formats_values_and_cites_every_statistic(client):
    OutlookStatisticFactory(
        label="Searches",
        value=Decimal("2800.00"),
        unit="results",
        qualifier="over",
        as_of=FEB_2025,
        source=SourceFactory(publisher="LinkedIn", title=""),
    )
    OutlookStatisticFactory(
        label="Rank", value=Decimal("8"), unit="rank", source=SourceFactory(publisher="Indeed")
    )
    OutlookStatisticFactory(
        label="Jobs", value=Decimal("1000000"), unit="jobs", period="over the next five years"
    )
    OutlookStatisticFactory(label="Unsourced", value=None, unit="", source=None, statement="Much.")
    body = text(client.get("/outlook/"))
    assert "over 2,800 results" in body
    assert "Source: LinkedIn, as of February 2025." in body
    assert "#8" in body
    assert "1,000,000 jobs" in body and "Period: over the next five years" in body
    assert "Unsourced" in body
    assert "Source: not named in the article, date not stated." in body


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "expected"),
    [
        (Decimal("2800"), "results", "over", "over 2,800 results"),
        (Decimal("53.00"), "percent", "", "53%"),
        (Decimal("1000000"), "jobs", "", "1,000,000 jobs"),
        (Decimal("8"), "rank", "", "#8"),
        (Decimal("2.50"), "percent", "", "2.5%"),
        (None, "", "", ""),
    ],
)
def test_stat_value_formats_like_the_article(value, unit, qualifier, expected):
    statistic = OutlookStatisticFactory.build(value=value, unit=unit, qualifier=qualifier)
    assert stat_value(statistic) == expected


# ---------- skills ----------


def test_skill_list_groups_skills_and_counts_published_roles(client):
    python = SkillFactory(name="Python", is_programming_language=True)
    teamwork = SkillFactory(name="Teamwork", kind=SkillKind.SOFT)
    RoleSkillFactory(skill=python)
    RoleSkillFactory(skill=python)
    RoleSkillFactory(skill=python, role=RoleFactory(is_published=False))
    body = text(client.get("/skills/"))
    technical, soft = body.split("Soft skills</h2>")
    assert "Python" in technical and "Teamwork" in soft
    assert 'Python</a> <span class="tag">Programming language</span>' in body
    assert '<td class="num">2</td>' in technical  # the unpublished role is not counted
    assert teamwork.slug in soft


def test_skill_page_lists_roles_with_cited_median_or_no_pay_data(client):
    skill = SkillFactory(name="Deep learning")
    paid = RoleFactory(title="Paid role")
    unpaid = RoleFactory(title="Unpaid role")
    hidden = RoleFactory(title="Hidden role", is_published=False)
    RoleSkillFactory(role=paid, skill=skill, importance=Importance.ESSENTIAL)
    RoleSkillFactory(role=unpaid, skill=skill, importance=Importance.VALUABLE)
    RoleSkillFactory(role=hidden, skill=skill)
    RoleSkillFactory(role=unpaid)  # another skill: must not add a row
    SalaryFactory(
        role=paid, median=123_456, as_of=FEB_2025, source=SourceFactory(publisher="Glassdoor")
    )
    response = client.get(f"/skills/{skill.slug}/")
    body = text(response)
    assert body.count(paid.get_absolute_url()) == 1
    assert body.count(unpaid.get_absolute_url()) == 1
    assert hidden.get_absolute_url() not in body
    assert "$123,456" in body and "Glassdoor" in body and "as of February 2025" in body
    assert "No pay data" in body
    assert "Essential" in body and "Valuable" in body


def test_skill_page_cites_the_newest_median(client):
    role = RoleFactory()
    skill = RoleSkillFactory(role=role).skill
    SalaryFactory(role=role, median=100_000, as_of=datetime.date(2023, 1, 1))
    SalaryFactory(role=role, median=110_000, as_of=FEB_2025)
    body = text(client.get(f"/skills/{skill.slug}/"))
    assert "$110,000" in body and "$100,000" not in body


# ---------- companies ----------


def test_company_list_says_which_of_the_articles_lists_each_is_in(client):
    CompanyFactory(name="Sampled", in_hiring_sample=True, in_job_search=False)
    CompanyFactory(name="Searched", in_hiring_sample=False, in_job_search=True)
    body = text(client.get("/companies/"))

    def cells(name):
        row = body.split(f"{name}</a></th>")[1].split("</tr>")[0]
        return re.findall(r"<td[^>]*>(.*?)</td>", row)

    # Columns: LinkedIn hiring sample, February 2025 job search, roles.
    assert cells("Sampled") == ["Yes", "No", "0"]
    assert cells("Searched") == ["No", "Yes", "0"]


def test_company_page_lists_the_published_roles_it_hires_for(client):
    company = CompanyFactory(name="Acme", in_job_search=True)
    hiring = RoleFactory(title="Hiring role")
    hiring.hiring_companies.add(company)
    hidden = RoleFactory(title="Hidden", is_published=False)
    hidden.hiring_companies.add(company)
    RoleFactory(title="Elsewhere")
    body = text(client.get(f"/companies/{company.slug}/"))
    assert hiring.get_absolute_url() in body
    assert "Hidden" not in body and "Elsewhere" not in body
    assert "February 2025 LinkedIn search" in body


def test_company_page_without_roles_says_so(client):
    company = CompanyFactory(name="Quiet")
    assert "does not say which roles Quiet hires for" in text(
        client.get(f"/companies/{company.slug}/")
    )


# ---------- career path ----------


def test_path_shows_steps_in_order_and_roles_at_each_stage(client):
    source = SourceFactory(publisher="Discover Data Science", title="")
    EducationStep.objects.create(slug="b", title="Second step", body="Then.", order=2)
    EducationStep.objects.create(
        slug="a", title="First step", body="First.", order=1, source=source
    )
    entry = CareerStageFactory(name="Entry level", order=1)
    lead = CareerStageFactory(name="Leadership", order=4)
    junior = RoleFactory(title="Junior", stage=entry)
    head = RoleFactory(title="Head", stage=lead)
    RoleFactory(title="Secret", stage=lead, is_published=False)
    body = text(client.get("/path/"))
    assert body.index("First step") < body.index("Second step")
    assert "Source: Discover Data Science" in body
    # The text ladder (the map above it draws the same stages and roles).
    ladder = body[body.index("Career stages, from entry level to leadership") :]
    assert ladder.index("Entry level") < ladder.index(junior.get_absolute_url())
    assert ladder.index(junior.get_absolute_url()) < ladder.index("Leadership")
    assert ladder.index("Leadership") < ladder.index(head.get_absolute_url())
    assert "Secret" not in body


def test_path_lists_the_articles_starting_roles_in_its_order(client):
    for slug, title in [
        ("computer-engineer", "Computer Engineer"),
        ("software-engineer", "Software Engineer"),
        ("data-scientist", "Data Scientist"),
    ]:
        RoleFactory(slug=slug, title=title)
    body = text(client.get("/path/")).split('id="start-in"')[1].split("</section>")[0]
    assert body.index("Software Engineer") < body.index("Data Scientist")
    assert body.index("Data Scientist") < body.index("Computer Engineer")
