"""The public pages other than the role list and role page, on small hand-made data sets."""

import datetime
import html
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


def words(response):
    """What a reader sees: tags dropped, entities decoded ("Source" links to the about page)."""
    return html.unescape(re.sub(r"<[^>]+>", "", text(response)))


# ---------- home ----------


def test_home_quotes_the_definitions_with_their_sources(client):
    source = SourceFactory(publisher="TechRepublic", title="")
    Quote.objects.create(
        slug="def-1", text="A branch of AI.", topic=QuoteTopic.DEFINITION, source=source
    )
    Quote.objects.create(
        slug="prof-1", text="They solve problems.", topic=QuoteTopic.PROFESSION, source=source
    )
    response = client.get("/")
    body = text(response)
    assert "<blockquote><p>A branch of AI.</p></blockquote>" in body
    assert "Source: TechRepublic, date not stated." in words(response)
    # Below the ways into the roles: the search comes first.
    assert body.index('id="home-q"') < body.index("A branch of AI.")
    assert "They solve problems." not in body  # not a definition


def test_home_shows_roles_by_pay_and_outlook_each_with_source_and_date(
    client, django_capture_on_commit_callbacks
):
    survey = SourceFactory(publisher="Pay Survey", title="")
    # The stored median that orders the table is refreshed when the salaries commit.
    with django_capture_on_commit_callbacks(execute=True):
        top = RoleFactory(title="Top paid")
        SalaryFactory(role=top, source=survey, median=150_000, as_of=FEB_2025)
        second = RoleFactory(title="Second paid")
        SalaryFactory(role=second, source=survey, median=140_000, as_of=FEB_2025)
        # Only an average: no median, so not in a table of median pay.
        average_only = RoleFactory(title="Average only")
        SalaryFactory(role=average_only, median=None, average=151_000, as_of=None)
    OutlookStatisticFactory(
        label="Growth",
        value=Decimal("53"),
        unit="percent",
        source=SourceFactory(publisher="Jobs Board", title=""),
        as_of=FEB_2025,
    )
    OutlookStatisticFactory(label="Worded only", value=None, unit="")
    response = client.get("/")
    body, seen = text(response), words(response)
    table = body.split('id="top-pay"')[1].split("</section>")[0]
    assert table.index(top.get_absolute_url()) < table.index(second.get_absolute_url())
    assert "$150,000" in table and "$140,000" in table
    assert average_only.get_absolute_url() not in table
    assert "Source: Pay Survey, as of February 2025." in seen
    assert "53%" in body
    assert "Source: Jobs Board, as of February 2025." in seen
    assert "Worded only" not in body  # headline figures are the ones with a number


def test_home_table_cites_each_row_when_sources_differ(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for publisher, median in (("Survey A", 150_000), ("Survey B", 140_000)):
            SalaryFactory(
                role=RoleFactory(),
                source=SourceFactory(publisher=publisher, title=""),
                median=median,
                as_of=FEB_2025,
            )
    response = client.get("/")
    table = words(response).split("Roles by pay")[1].split("Growth and demand")[0]
    assert "$150,000 median total pay. Source: Survey A, as of February 2025." in table
    assert "$140,000 median total pay. Source: Survey B, as of February 2025." in table


def test_home_leads_with_a_role_search_and_the_main_ways_in(client):
    page = parse(client.get("/"))
    # The first form after the header's area control.
    forms = [a for tag, a in page.tags if tag == "form" and a.get("class") != "area-choice__form"]
    assert forms[0]["action"] == "/careers/" and forms[0]["method"] == "get"
    assert (
        "input",
        {
            "type": "search",
            "name": "q",
            "id": "home-q",
            "maxlength": "200",
            "aria-describedby": "home-q-hint",
        },
    ) in page.tags
    # The ways in: browse the roles, skill match, compare, pay by location (issue 20).
    assert {"/careers/", "/match/", "/compare/", "/areas/"} <= set(page.links)


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
    seen = words(client.get("/outlook/"))
    assert "Source: LinkedIn, as of February 2025." in seen
    assert "#8" in body
    assert "1,000,000 jobs" in body and "Period: over the next five years" in body
    # Worded only: no card without a figure, the statement as context.
    assert "Much." in body and "Unsourced" not in body
    assert "Source: not named, date not stated." in seen


def test_outlook_shows_a_statement_shared_by_two_figures_once(client):
    statement = "Demand will rise by 40% or 1 million jobs, says a report."
    source = SourceFactory(publisher="Forum")
    OutlookStatisticFactory(
        label="Rise", value=40, unit="percent", statement=statement, source=source
    )
    OutlookStatisticFactory(
        label="Jobs", value=1000000, unit="jobs", statement=statement, source=source
    )
    body = text(client.get("/outlook/"))
    assert body.count(statement) == 1
    assert "40%" in body and "1,000,000 jobs" in body


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
    techrepublic = SourceFactory(publisher="TechRepublic", title="")
    deep = SkillFactory(name="Deep learning", source=techrepublic)
    python = SkillFactory(name="Python", is_programming_language=True, for_all_roles=True)
    teamwork = SkillFactory(
        name="Teamwork", kind=SkillKind.SOFT, for_all_roles=True, description="Valuable in general."
    )
    RoleSkillFactory(skill=deep)
    RoleSkillFactory(skill=deep)
    RoleSkillFactory(skill=deep, role=RoleFactory(is_published=False))
    body = text(client.get("/skills/"))
    technical, rest = body.split("Soft skills</h2>")
    soft, languages = rest.split("Programming languages</h2>")
    assert deep.slug in technical and "Listed by: TechRepublic." in technical
    assert '<td class="num">2</td>' in technical  # the unpublished role is not counted
    assert teamwork.slug in soft and "Valuable in general." in soft
    assert python.slug in languages
    # Named for every role: never counted as linked to one.
    assert "All 2 (in general)" in soft and "All 2 (in general)" in languages


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
    CompanyFactory(name="Both", in_hiring_sample=True, in_job_search=True)
    body = text(client.get("/companies/"))
    # Without roles here, each under the heading of the lists that name it.
    groups = re.findall(r"<h3>(.*?)</h3>\s*<ul class=\"company-list\">(.*?)</ul>", body, re.S)
    named = {heading: re.findall(r">([^<]+)</a>", items) for heading, items in groups}
    assert named == {
        "In LinkedIn’s hiring sample and the February 2025 job search": ["Both"],
        "In LinkedIn’s hiring sample": ["Sampled"],
        "In the February 2025 job search": ["Searched"],
    }


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
    hiring = CompanyFactory(name="Hiring")
    RoleFactory().hiring_companies.add(hiring)
    body = text(client.get(f"/companies/{company.slug}/"))
    assert "None: the guide does not say which roles Quiet hires for." in body
    # No dead end: the companies whose roles are known, and the roles.
    links = set(parse(client.get(f"/companies/{company.slug}/")).links)
    assert {f"/companies/{hiring.slug}/", "/careers/", "/path/#start"} <= links


# ---------- career path ----------


def test_path_shows_steps_in_order_and_roles_at_each_stage(client):
    source = SourceFactory(publisher="Discover Data Science", title="")
    second = EducationStep.objects.create(slug="b", title="Second step", order=2)
    second.passages.create(order=1, text="Then.")
    first = EducationStep.objects.create(slug="a", title="First step", order=1)
    first.passages.create(order=1, text="First.", source=source)
    entry = CareerStageFactory(name="Entry level", order=1)
    lead = CareerStageFactory(name="Leadership", order=4)
    junior = RoleFactory(title="Junior", stage=entry)
    head = RoleFactory(title="Head", stage=lead)
    RoleFactory(title="Secret", stage=lead, is_published=False)
    response = client.get("/path/")
    body = text(response)
    assert body.index("First step") < body.index("Second step")
    assert "Source: Discover Data Science" in words(response)
    # The ladder (the map drawn above it on wide screens shows the same stages and roles).
    ladder = body[body.index('<ol class="path-ladder"') :]
    assert ladder.index("Entry level") < ladder.index(junior.get_absolute_url())
    assert ladder.index(junior.get_absolute_url()) < ladder.index("Leadership")
    assert ladder.index("Leadership") < ladder.index(head.get_absolute_url())
    assert "Secret" not in body
