"""/companies/: companies with roles first, each with its roles, the others compact; a company
page says what the guide says about it, cited, links its roles and says when there is no more."""

import html
import re

import pytest
from django.urls import reverse

from careers.models import Company, Role
from tests.careers.test_article_data import ARTICLE
from tests.factories import CompanyFactory, RoleFactory
from tests.page_parsing import parse

LIST = reverse("careers:company_list")


def words(fragment):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def detail(slug):
    return reverse("careers:company_detail", args=[slug])


def section(body, heading_id):
    start = body.index(f'aria-labelledby="{heading_id}"')
    return body[start : body.index("</section>", start)]


def names_in_order(fragment):
    return re.findall(r'href="/companies/[^/"]+/">([^<]+)</a>', fragment)


def test_companies_with_roles_come_first_each_with_its_roles(client, article_data):
    body = client.get(LIST).text
    hiring = section(body, "with-roles-heading")
    others = section(body, "without-roles-heading")
    with_roles = Company.objects.filter(roles__is_published=True).distinct()
    assert names_in_order(hiring) == sorted(with_roles.values_list("name", flat=True))
    assert set(names_in_order(others)) == set(
        Company.objects.exclude(pk__in=with_roles).values_list("name", flat=True)
    )
    assert body.index("with-roles-heading") < body.index("without-roles-heading")
    # Each company with roles links them.
    amazon = hiring[hiring.index(">Amazon</a>") :].split("</li>")[0]
    roles = Role.objects.published().filter(hiring_companies__slug="amazon")
    assert set(parse_links(amazon)) >= {role.get_absolute_url() for role in roles}
    assert "LinkedIn hiring sample; February 2025 job search" in words(amazon)


def parse_links(fragment):
    return re.findall(r'href="([^"]+)"', fragment)


def test_the_list_is_compact_no_table_of_yes_and_no(client, article_data):
    response = client.get(LIST)
    page = parse(response)
    assert page.count("table") == 0
    text = words(response.text)
    assert " Yes " not in f" {text} " and " No " not in f" {text} "
    companies = Company.objects.count()
    with_roles = Company.objects.filter(roles__is_published=True).distinct().count()
    assert f"{companies} companies: {with_roles} with roles on this site, listed first." in text
    # Every company is one link, in one place.
    assert sorted(names_in_order(response.text)) == sorted(
        Company.objects.values_list("name", flat=True)
    )


def test_an_unpublished_role_does_not_put_a_company_first(client, db):
    hidden = CompanyFactory(name="Hidden", in_hiring_sample=True)
    RoleFactory(is_published=False).hiring_companies.add(hidden)
    shown = CompanyFactory(name="Shown", in_hiring_sample=True)
    RoleFactory(title="Analyst").hiring_companies.add(shown)
    body = client.get(LIST).text
    assert names_in_order(section(body, "with-roles-heading")) == ["Shown"]
    assert names_in_order(section(body, "without-roles-heading")) == ["Hidden"]


def test_no_companies_says_so(client, db):
    assert "No companies have been added yet." in client.get(LIST).text


def test_a_company_page_says_what_the_guide_says_cited_and_links_its_roles(client, article_data):
    response = client.get(detail("amazon"))
    says = words(section(response.text, "guide-says-heading"))
    assert (
        "Named in its sample of “the long list of companies seeking machine learning "
        "professionals” on LinkedIn. Source: LinkedIn" in says
    )
    # The search, with the guide's own figure and date, cited to the statistic's source.
    assert (
        "Named among the companies with positions in a “February 2025 LinkedIn search for "
        "‘machine learning engineer’”, which “returned over 2,800 results”. Source: LinkedIn"
    ) in says
    assert "as of February 2025" in says
    assert "Nothing more: the guide gives no description, size, location or pay" in says
    roles = Role.objects.published().filter(hiring_companies__slug="amazon")
    assert roles
    links = set(parse(response).links)
    assert {role.get_absolute_url() for role in roles} <= links


def test_the_quoted_words_are_the_guides(client, article_data):
    # The quotation marks on the page hold the guide's words only.
    if not ARTICLE.exists():
        pytest.skip("source article not available")
    article = " ".join(ARTICLE.read_text(encoding="utf-8").split())
    says = words(section(client.get(detail("amazon")).text, "guide-says-heading"))
    quoted = re.findall(r"“([^”]+)”", says)
    assert len(quoted) == 3
    for quote in quoted:
        assert quote.replace("‘", "“").replace("’", "”") in article, quote


def test_a_company_only_in_the_sample_says_so_and_that_no_roles_are_named(client, article_data):
    response = client.get(detail("google"))
    says = words(section(response.text, "guide-says-heading"))
    assert "sample" in says and "February 2025" not in says
    roles = words(section(response.text, "roles-heading"))
    assert "None: the guide does not say which roles Google hires for." in roles


def test_a_company_in_neither_list_says_so(client, db):
    company = CompanyFactory(name="Elsewhere Inc", in_hiring_sample=False, in_job_search=False)
    says = words(section(client.get(detail(company.slug)).text, "guide-says-heading"))
    assert "The guide names Elsewhere Inc in neither of its two LinkedIn lists." in says
    assert "Nothing more" in says
