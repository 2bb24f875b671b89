"""Every page this module covers makes the same number of queries for 14 roles and for 1,014."""

import datetime

import pytest
from django.core.management import call_command

from careers.models import CareerStage, Company, Role, RoleSkill, Salary, Skill, Source

pytestmark = pytest.mark.django_db

SYNTHETIC_ROLES = 1000

# Queries per page, measured on the article's data (see the report). A change here means a view
# started reading per row: fix the view with select_related/prefetch_related/annotate instead.
# "/" reads the applications and "/path/" the profession quotes: one query per list, each;
# "/path/" also reads the next-step links, the roles without a stage and the FAQ for its map,
# the pay records and national estimates of the roles it shows (at most eight a stage), and the
# education steps' passages (each cited on its own). "/" also reads the nation and the states
# for the area control under the header.
PAGES = {
    "/": 6,
    # The skills and role total; BLS's qualities (none imported here, so no pages read).
    "/skills/": 3,
    "/skills/artificial-intelligence/": 3,
    # The companies, and their published roles (one prefetch).
    "/companies/": 2,
    # The company, its roles and their salaries, the LinkedIn search it is named in.
    "/companies/amazon/": 4,
    # A company no role lists: the companies whose roles are known, so the page is no dead end.
    "/companies/google/": 3,
    # The sources, and BLS's footnote on the relative standard error with its release and an
    # example estimate (none imported here, so none shown).
    "/about/": 4,
    # The guide's statistics and the OOH projections (none imported here, so no roles read).
    "/outlook/": 2,
    "/path/": 10,
    "/faq/": 2,
    "/faq/?q=machine+learning": 2,
    "/faq/?q=%00": 2,
    # A count and a page for each of roles, skills, companies and pay-by-location pages.
    "/sitemap.xml": 8,
    "/robots.txt": 0,
}

# Pages that list every role of a skill or company: the big data set is really rendered.
SHOWS_EVERY_ROLE = {"/skills/artificial-intelligence/", "/companies/amazon/"}
# Pages that show a few roles per stage and link to the rest (the career path's map and ladder).
LINKS_TO_THE_REST = {"/path/": "/careers/?stage=entry-level"}


def add_synthetic_roles(count):
    """`count` more published roles, each needing one skill, at one stage, hired for by one
    company and with a median salary, so every page below has rows to show for each of them."""
    call_command("generate_synthetic_roles", count, verbosity=0)
    # The generator links roles at random; tie them all to the pages measured below.
    roles = list(Role.objects.filter(is_synthetic=True))
    Role.objects.filter(is_synthetic=True).update(
        stage=CareerStage.objects.get(slug="entry-level"), is_published=True
    )
    skill = Skill.objects.get(slug="artificial-intelligence")
    RoleSkill.objects.bulk_create(
        (RoleSkill(role=role, skill=skill) for role in roles), ignore_conflicts=True
    )
    amazon = Company.objects.get(slug="amazon")
    Role.hiring_companies.through.objects.bulk_create(
        (Role.hiring_companies.through(role=role, company=amazon) for role in roles),
        ignore_conflicts=True,
    )
    source = Source.objects.create(slug="synthetic-pay", publisher="Synthetic test data")
    Salary.objects.bulk_create(
        Salary(role=role, source=source, median=90_000 + n, as_of=datetime.date(2025, 2, 1))
        for n, role in enumerate(roles)
    )
    return roles


@pytest.mark.parametrize(("url", "queries"), PAGES.items())
def test_query_count_does_not_grow_with_the_data(
    article_data, client, django_assert_num_queries, url, queries
):
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200

    roles = add_synthetic_roles(SYNTHETIC_ROLES)
    assert len(roles) >= SYNTHETIC_ROLES

    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    if url in SHOWS_EVERY_ROLE:
        assert all(role.get_absolute_url() in body for role in roles)
    if url in LINKS_TO_THE_REST:
        assert f'href="{LINKS_TO_THE_REST[url]}"' in body
