"""The visitor tools and the API make the same number of queries at the article's data (with a
small official release) plus 30 synthetic roles and with 1,000 more.

Counts: /match/ is the skill choices + BLS's qualities (choices too) + the nation's official
area + count + rows + their skills + their salaries + the official release + the qualities of
the roles' official occupations = 9 (only the two choice lists when nothing valid is ticked).
/compare/ is the roles + skills + salaries + next steps + companies (5), their national
official estimates, their OOH projections (with their pages), the education steps once two
roles are shown, and the roles a search finds to add (`find`, at most 10). The role export and the role API list are
RoleFilter's four choice lists (skills, stages, companies, areas) + rows + skills + salaries +
the official release, and the API adds its page count. One role in the API is the role +
skills + salaries + next steps + companies + its national official estimate + its OOH
projection (four more when the pages are imported: tests/official/test_api_outlook.py). Skills and
companies: count + rows; FAQ: count + rows + related roles.
"""

import pytest
from django.core.management import call_command

# Every skill the article names: every synthetic role matches, so there is a second page.
EVERY_SKILL = "&".join(
    f"have={slug}"
    for slug in [
        "computer-science-fundamentals",
        "programming",
        "math-and-statistics",
        "data-science",
        "deep-learning",
        "problem-solving",
        "software-engineering-and-system-design",
        "artificial-intelligence",
        "python",
        "r",
        "teamwork",
        "good-communication",
        "organization",
        "strong-work-ethic",
    ]
)

# The role list's FilterSet reads two more choice lists since the OOH data (BLS qualities for
# the skill filter, entry educations for `education`): +2 on the export and the API, flat as
# the data grows. Match and compare read the nation and the states for the area control (one
# query, also when the comparison is refused).
CASES = [
    ("/match/", 3),
    ("/match/?have=nope", 3),
    ("/match/?have=deep-learning&have=programming", 10),
    (f"/match/?{EVERY_SKILL}&page=2", 10),
    ("/compare/?role=data-scientist", 8),
    ("/compare/?role=data-scientist&role=machine-learning-engineer", 9),
    ("/compare/?role=data-scientist&role=machine-learning-engineer&find=scientist", 10),
    ("/compare/?role=data-analyst&role=data-scientist&role=head-of-ai&role=nlp-scientist", 9),
    ("/compare/?role=data-scientist&role=data-scientist", 1),
    ("/compare/?role=data-scientist&role=nope", 6),
    ("/compare/?role=data-scientist&role=machine-learning-engineer&area=CA", 10),
    ("/match/?have=deep-learning&have=programming&area=41860", 10),  # no nation to read
    ("/careers/export.csv", 10),
    ("/careers/export.csv?skill=deep-learning&stage=established&sort=title", 10),
    ("/careers/export.csv?basis=bls&area=CA&pay_min=100000&sort=-pay", 10),
    ("/careers/export.csv?pay_min=lots", 6),
    ("/faq/export.csv?q=machine", 2),
    ("/api/v1/roles/", 11),
    ("/api/v1/roles/?q=engineer&pay_min=100000&sort=pay", 11),
    ("/api/v1/roles/?basis=bls&area=CA&sort=-pay", 11),
    ("/api/v1/roles/?sort=title&page=2", 11),
    ("/api/v1/roles/?sort=sideways", 6),
    ("/api/v1/roles/machine-learning-engineer/", 7),
    ("/api/v1/skills/", 2),
    ("/api/v1/companies/", 2),
    ("/api/v1/faq/?q=machine", 3),
    # The schema and its docs are built from the code alone.
    ("/api/v1/schema/", 0),
    ("/api/v1/docs/", 0),
    ("/api/v1/docs/?script=", 0),
]


def consume(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


@pytest.fixture
def small_data_set(official_data):
    # Enough synthetic roles for a second page of matches and of API results.
    call_command("generate_synthetic_roles", "30", verbosity=0)


@pytest.mark.parametrize("url, queries", CASES)
def test_query_count_does_not_grow_with_the_data(
    client, small_data_set, django_assert_num_queries, url, queries
):
    with django_assert_num_queries(queries):
        small = client.get(url)
        small_body = consume(small)
    assert small.status_code in (200, 400)

    call_command("generate_synthetic_roles", "1000", verbosity=0)
    with django_assert_num_queries(queries):
        large = client.get(url)
        large_body = consume(large)
    assert large.status_code == small.status_code
    # Synthetic roles have no official occupation, so the official filters leave them out.
    if url.startswith("/careers/export.csv") and large.status_code == 200 and "bls" not in url:
        assert large_body.count(b"\n") > small_body.count(b"\n")
