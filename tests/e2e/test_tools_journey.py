"""A visitor uses the tools with the mouse and no JavaScript of the site's own: picks skills on
/match/, opens a role, adds roles to a comparison, and downloads the filtered list as CSV."""

import csv
from urllib.parse import parse_qs, urlsplit

from careers.models import Role


def query(page):
    return parse_qs(urlsplit(page.url).query)


def test_match_open_a_role_compare_and_export(page):
    page.goto("/")
    # The home page links to it three times (menu, ways in, cards): follow the card.
    page.locator("#main").get_by_role("link", name="Skill match", exact=True).click()
    assert urlsplit(page.url).path == "/match/"

    # Pick skills: the roles are ranked, each with what the visitor has and lacks.
    page.get_by_label("Deep learning", exact=True).check()
    page.get_by_label("Programming", exact=True).check()
    page.get_by_role("button", name="Rank roles").click()
    assert sorted(query(page)["have"]) == ["deep-learning", "programming"]
    first = page.locator(".match-row").first
    assert "You cover" in first.locator(".match-score").inner_text()
    assert first.locator(".tag--have").count() == 2

    # Open a role, then start a comparison from its page and add a second role.
    page.get_by_role("link", name="Machine Learning Engineer", exact=True).first.click()
    assert urlsplit(page.url).path == "/careers/machine-learning-engineer/"
    page.get_by_role("link", name="Compare with other roles").click()
    assert query(page)["role"] == ["machine-learning-engineer"]
    page.get_by_label("Find a role to add").fill("data scientist")
    page.get_by_role("button", name="Find").click()
    page.get_by_role("link", name="Add Data Scientist", exact=True).click()
    assert query(page)["role"] == ["machine-learning-engineer", "data-scientist"]
    headers = page.locator(".compare-table thead th a:not(.compare-remove)").all_inner_texts()
    assert headers == ["Machine Learning Engineer", "Data Scientist"]

    # From the role list: tick two rows' checkboxes and compare them.
    page.goto("/careers/?sort=title")
    page.get_by_role("checkbox", name="Compare Data Analyst").check()
    page.get_by_role("checkbox", name="Compare Head of AI").check()
    page.get_by_role("button", name="Compare ticked roles").click()
    assert urlsplit(page.url).path == "/compare/"
    assert query(page)["role"] == ["data-analyst", "head-of-ai"]
    assert page.locator(".compare-table").is_visible()

    # Export the filtered list: the file lists exactly the roles the list shows.
    page.goto("/careers/?stage=established&sort=title")
    shown = page.locator(".role-list .role-row__title a").all_inner_texts()
    with page.expect_download() as download:
        page.get_by_role("link", name="as CSV").click()
    with open(download.value.path(), newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    assert [row["title"] for row in rows] == shown
    expected = Role.objects.filter(is_published=True, stage__slug="established").count()
    assert len(rows) == expected
    assert page.console_errors == []


def test_api_docs_work_under_the_content_security_policy(page):
    page.goto("/api/v1/docs/")
    page.locator(".swagger-ui .info .title").wait_for()
    assert "careerguide API" in page.locator(".swagger-ui .info .title").inner_text()
    page.locator(".opblock-summary-path", has_text="/api/v1/roles/").first.wait_for()
    assert page.console_errors == []
