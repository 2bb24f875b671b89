"""The role list and role page make the same number of queries at 44 roles and at 1,044.

Counts: the list is count + rows + the page's skills and salaries (`RoleQuerySet.for_list()`) +
the form's six choice lists (skills, BLS's qualities, stages, companies, official areas, BLS's
entry-level educations) + the options' counts (one grouped query each for skills, qualities,
stages and companies, careers/option_counts.py) = 14, whatever the filters: a chosen skill,
quality, stage, company, education, state or the nation is checked against those lists, not by
a query of its own, and the growth sort and the education filter join the OOH projection into
the same rows. Official pay (`basis=bls`) joins the estimate into the same rows and
adds the release it cites (+1), a metro area's lookup (+1) and, only where a shown figure has a
BLS footnote, the footnotes' text (+1). The role page (`careers.selectors.role_page()`) is role
+ skills + salaries + next roles + their salaries + roles that lead here + companies + FAQ
entries + duties + education steps + the skills named for every role = 11, + the next roles'
national estimates where any of them has an official occupation (their pay where the guide
gives none) = 12, + the national official estimate and the OOH projection for a role with an
official occupation = 14, and with the OOH pages imported here, its page's rows, qualities (and
names) and similar occupations = 18 (tests/official/test_role_page_outlook.py); + the education
steps' passages, the role's alternative occupations and their national estimates, the BLS
footnotes they use and, with an official occupation, the states and metro areas with the most
jobs."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from careers.models import Role
from official.handbook import read_pages
from official.handbook_import import write_pages
from official.models import Occupation
from tests.official.oews_file import write_release

LIST = reverse("careers:role_list")
CASES = [
    (LIST, 14),
    (f"{LIST}?q=learning", 14),
    (f"{LIST}?pay_min=100000&pay_max=250000&skill=python", 14),
    (f"{LIST}?skill=programming&skill=deep-learning&sort=pay", 14),
    (f"{LIST}?page=2", 14),
    (f"{LIST}?stage=established&sort=-title", 14),
    (f"{LIST}?company=amazon&q=engineer", 14),
    (f"{LIST}?sort=-growth&skill=analytical-skills", 14),
    (f"{LIST}?education=bachelors-degree&sort=growth", 14),
    (f"{LIST}?basis=bls", 15),
    (f"{LIST}?area=CA", 15),
    (f"{LIST}?basis=bls&area=CA&pay_min=100000&sort=-pay&skill=python", 15),
    (f"{LIST}?basis=bls&area=41860&sort=pay&page=2", 16),
    # DC's Data Scientists median is "not released": its footnote is read once.
    (f"{LIST}?basis=bls&area=DC", 16),
    # Form errors list nothing: only the choice lists are read.
    (f"{LIST}?sort=sideways&pay_min=1e9", 6),
    (f"{LIST}?basis=bls&area=99999", 7),
    (reverse("careers:role_detail", args=["machine-learning-engineer"]), 25),
    # Its next role (Machine Learning Engineer) has an official occupation.
    (reverse("careers:role_detail", args=["computer-engineer"]), 17),
    # The area chosen, and the occupation's estimate there.
    (reverse("careers:role_detail", args=["machine-learning-engineer"]) + "?area=CA", 27),
]


@pytest.fixture(scope="module")
def handbook_pages():
    return read_pages()


@pytest.fixture
def small_data_set(article_data, tmp_path, handbook_pages):
    # Enough synthetic roles for a second page of every case above, a small official release
    # and the OOH pages (linked to the release's occupations, as `make run` imports them).
    call_command("generate_synthetic_roles", "30", verbosity=0)
    call_command("import_oews", str(write_release(tmp_path)), verbosity=0)
    write_pages(handbook_pages)


@pytest.mark.parametrize("url, queries", CASES)
def test_query_count_does_not_grow_with_the_data(
    client, small_data_set, django_assert_num_queries, url, queries
):
    with django_assert_num_queries(queries):
        small = client.get(url)
    assert small.status_code == 200

    call_command("generate_synthetic_roles", "1000", verbosity=0)
    # Every synthetic role mapped too, so each row shows an official figure.
    Role.objects.filter(is_synthetic=True).update(
        official_occupation=Occupation.objects.get(soc_code="15-2051"), official_match="closest"
    )
    with django_assert_num_queries(queries):
        large = client.get(url)
    assert large.status_code == 200
