"""An editor logs in through the admin, corrects a pay figure and sees it on the public page;
a figure that breaks the pay rules is refused in plain words and nothing is saved."""

from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from careers.models import Salary
from tests.editors_group import ensure_editors_group

USERNAME = "editor"
# Long and unrelated to the username, so Django's password validators accept it.
PASSWORD = "quiet-harbour-lantern-7141"
ROLE = "machine-learning-engineer"
# The role also has Glassdoor's figures (an average of the same amount); edit the article's.
SOURCE = "article"


@pytest.fixture
def editor(site_data, monkeypatch):
    """An editor made the documented way: `create_editor` with the password from the environment.

    Transactional tests empty every table afterwards, the Editors group included, and the
    group is made by a data migration; a test that runs after another live-server test
    rebuilds it with that same migration code, so the group's permissions are the real ones.
    """

    ensure_editors_group()
    monkeypatch.setenv("DJANGO_EDITOR_PASSWORD", PASSWORD)
    call_command("create_editor", USERNAME, verbosity=0)


def salary():
    return Salary.objects.get(role__slug=ROLE, source__slug=SOURCE)


def log_in(page):
    page.goto("/admin/")
    assert "/admin/login/" in page.url
    page.get_by_label("Username").fill(USERNAME)
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Log in").click()
    assert urlsplit(page.url).path == "/admin/"
    assert (
        page.get_by_role("link", name="Log out").count()
        + page.get_by_role("button", name="Log out").count()
        > 0
    )


def open_ml_engineer_salary(page):
    page.get_by_role("link", name="Salaries", exact=True).first.click()
    page.locator("#searchbar").fill("Machine Learning Engineer")
    with page.expect_navigation():
        page.locator("#searchbar").press("Enter")
    row = page.locator("#result_list tbody tr").filter(has_text="median total pay")
    row.get_by_role("link", name="Machine Learning Engineer", exact=True).click()
    assert urlsplit(page.url).path == f"/admin/careers/salary/{salary().pk}/change/"


def test_editor_changes_median_pay_and_the_public_page_shows_it(page, editor):
    assert salary().median == 168_730
    page.goto(f"/careers/{ROLE}/")
    shown_before = page.locator("main").inner_text().count("$168,730")
    assert shown_before >= 1
    log_in(page)
    open_ml_engineer_salary(page)

    page.locator("#id_median").fill("$171,250")
    with page.expect_navigation():
        page.get_by_role("button", name="Save", exact=True).click()
    assert page.locator(".messagelist .success").count() == 1
    assert salary().median == 171_250

    page.goto(f"/careers/{ROLE}/")
    main = page.locator("main").inner_text()
    # Every place that showed the guide's median (quick facts, pay panel, official comparison)
    # now shows the new figure.
    assert main.count("$171,250") + main.count("$168,730") == shown_before
    # Glassdoor's average of the same amount is another record and stays.
    assert main.count("$168,730") == 1
    assert page.console_errors == []


def test_editor_gets_a_plain_words_error_and_nothing_is_saved(page, editor):
    before = salary()
    log_in(page)
    open_ml_engineer_salary(page)

    # A bottom of the range above the median breaks the pay rules.
    page.locator("#id_low").fill("200000")
    page.locator("#id_median").fill("180000")
    with page.expect_navigation():
        page.get_by_role("button", name="Save", exact=True).click()

    assert urlsplit(page.url).path == f"/admin/careers/salary/{before.pk}/change/"
    errors = page.locator(".errorlist").all_inner_texts()
    assert "The low figure cannot be above the median figure." in errors, errors
    assert page.locator(".errornote").is_visible()
    # What the editor typed is still there to correct.
    assert page.locator("#id_low").input_value() == "200000"

    after = salary()
    assert (after.median, after.low, after.high) == (before.median, before.low, before.high)
    assert page.console_errors == []
