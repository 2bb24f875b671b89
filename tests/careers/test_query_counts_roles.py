"""The role list and role page make the same number of queries at 44 roles and at 1,044.

Counts: the list is count + rows + the page's skills and salaries (`RoleQuerySet.for_list()`) +
the form's three choice lists (skills, stages, companies) + the options' counts (one grouped query
each for skills, stages and companies, careers/option_counts.py) = 10, whatever the filters: a
chosen skill, stage or company is checked against those lists, not by a query of its own. The role
page (`careers.selectors.role_page()`) is role + skills + salaries + next roles + their salaries +
roles that lead here + companies + FAQ entries + duties + education steps + the skills named for
every role = 11.
"""

import pytest
from django.core.management import call_command
from django.urls import reverse

LIST = reverse("careers:role_list")
CASES = [
    (LIST, 10),
    (f"{LIST}?q=learning", 10),
    (f"{LIST}?pay_min=100000&pay_max=250000&skill=python", 10),
    (f"{LIST}?skill=programming&skill=deep-learning&sort=pay", 10),
    (f"{LIST}?page=2", 10),
    (f"{LIST}?stage=established&sort=-title", 10),
    (f"{LIST}?company=amazon&q=engineer", 10),
    # Form errors list nothing: only the choice lists are read.
    (f"{LIST}?sort=sideways&pay_min=1e9", 3),
    (reverse("careers:role_detail", args=["machine-learning-engineer"]), 11),
]


@pytest.fixture
def small_data_set(article_data):
    # Enough synthetic roles for a second page of every case above.
    call_command("generate_synthetic_roles", "30", verbosity=0)


@pytest.mark.parametrize("url, queries", CASES)
def test_query_count_does_not_grow_with_the_data(
    client, small_data_set, django_assert_num_queries, url, queries
):
    with django_assert_num_queries(queries):
        small = client.get(url)
    assert small.status_code == 200

    call_command("generate_synthetic_roles", "1000", verbosity=0)
    with django_assert_num_queries(queries):
        large = client.get(url)
    assert large.status_code == 200
