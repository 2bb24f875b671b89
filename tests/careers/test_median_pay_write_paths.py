"""Every way a salary is written keeps its role's stored median_pay right, in the same
transaction as the write (careers/signals.py): the admin's own page and the role page's inline,
a move to another role, the spreadsheet import, fixtures, the synthetic roles, a revert or a
restore from history, and deleting a role or a source."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import ProtectedError
from django.test import Client
from django.test.utils import CaptureQueriesContext

from careers.models import Role, Salary, Source
from tests import factories as f
from tests.careers.test_salary_import import confirm, csv_file, upload
from tests.careers.test_stale_edits import admin_url, current_form_data, make_editor

pytestmark = pytest.mark.django_db


def stored(role):
    return Role.objects.values_list("median_pay", flat=True).get(pk=role.pk)


def every_role_consistent():
    live = Role.objects.annotate(live=Salary.objects.newest_median())
    return all(role.median_pay == role.live for role in live)


@pytest.fixture
def editor(db, monkeypatch):
    client = Client()
    client.force_login(make_editor("ada", monkeypatch))
    return client


@pytest.fixture
def role():
    role = f.RoleFactory(title="Data Wrangler")
    f.SalaryFactory(role=role, median=100_000, as_of=datetime.date(2023, 1, 1))
    return role


@pytest.fixture
def newest(role):
    return f.SalaryFactory(role=role, median=150_000, as_of=datetime.date(2025, 2, 1))


def test_admin_adds_a_salary_on_its_own_page(editor, role, committed):
    url = admin_url(Salary, "add")
    form = current_form_data(editor.get(url)) | {
        "role": role.pk,
        "source": f.SourceFactory().pk,
        "median": "160000",
        "as_of": "2026-03",
    }
    with committed():
        response = editor.post(url, form)
    assert response.status_code == 302, response.context["errors"]
    assert stored(role) == 160_000


def test_admin_changes_a_salary_on_its_own_page(editor, newest, committed):
    url = admin_url(Salary, "change", newest.pk)
    with committed():
        response = editor.post(url, current_form_data(editor.get(url)) | {"median": "155000"})
    assert response.status_code == 302
    assert stored(newest.role) == 155_000


def test_admin_deletes_a_salary_on_its_own_page(editor, newest, committed):
    with committed():
        response = editor.post(admin_url(Salary, "delete", newest.pk), {"post": "yes"})
    assert response.status_code == 302
    assert stored(newest.role) == 100_000


def test_admin_moves_a_salary_to_another_role(editor, newest, committed):
    other = f.RoleFactory()
    url = admin_url(Salary, "change", newest.pk)
    with committed():
        response = editor.post(url, current_form_data(editor.get(url)) | {"role": other.pk})
    assert response.status_code == 302
    assert (stored(newest.role), stored(other)) == (100_000, 150_000)


def inline_rows(form):
    """The role page's pay rows by their median, as (prefix, median)."""
    total = int(form["salaries-TOTAL_FORMS"])
    return {form[f"salaries-{i}-median"]: f"salaries-{i}" for i in range(total)}


def test_role_page_inline_adds_a_salary(editor, role, committed):
    url = admin_url(Role, "change", role.pk)
    form = current_form_data(editor.get(url))
    row = f"salaries-{form['salaries-TOTAL_FORMS']}"
    form |= {
        "salaries-TOTAL_FORMS": str(int(form["salaries-TOTAL_FORMS"]) + 1),
        f"{row}-role": role.pk,
        f"{row}-source": f.SourceFactory().pk,
        f"{row}-median": "170000",
        f"{row}-currency": "USD",
        f"{row}-period": "annual",
        f"{row}-as_of": "2026-04",
        f"{row}-as_of_precision": "month",
    }
    with committed():
        response = editor.post(url, form)
    assert response.status_code == 302, response.context and response.context["errors"]
    assert stored(role) == 170_000


def test_role_page_inline_changes_a_salary(editor, newest, committed):
    url = admin_url(Role, "change", newest.role_id)
    form = current_form_data(editor.get(url))
    row = inline_rows(form)[150_000]
    with committed():
        response = editor.post(url, form | {f"{row}-median": "152000"})
    assert response.status_code == 302
    assert stored(newest.role) == 152_000


def test_role_page_inline_deletes_a_salary(editor, newest, committed):
    url = admin_url(Role, "change", newest.role_id)
    form = current_form_data(editor.get(url))
    row = inline_rows(form)[150_000]
    with committed():
        response = editor.post(url, form | {f"{row}-DELETE": "on"})
    assert response.status_code == 302
    assert stored(newest.role) == 100_000


def test_spreadsheet_import_on_confirm(editor, role, committed):
    source = f.SourceFactory()
    row = [role.slug, source.slug, "$181,000", "", "", "", "USD", "2026-10", "median total pay"]
    preview = upload(editor, csv_file(row))
    assert stored(role) == 100_000  # the preview writes nothing
    with committed():
        response = confirm(editor, preview)
    assert response.status_code == 302
    assert stored(role) == 181_000


def test_fixture_load_overrides_stale_stored_figures(committed):
    with committed():
        call_command("load_initial_data", verbosity=0)
    assert Role.objects.filter(median_pay__isnull=False).exists()
    assert every_role_consistent()
    # Fixtures carry a role's median_pay as dumped; whatever the table held, a reload mends it.
    Role.objects.update(median_pay=1)
    with committed():
        call_command("load_initial_data", verbosity=0)
    assert every_role_consistent()


def test_generate_synthetic_roles(committed):
    f.SkillFactory.create_batch(3, for_all_roles=False)
    with committed():
        call_command("generate_synthetic_roles", "20", verbosity=0)
    synthetic = Role.objects.filter(is_synthetic=True)
    assert synthetic.count() == 20 and not synthetic.filter(median_pay__isnull=True).exists()
    assert every_role_consistent()


def test_revert_from_history(editor, newest, committed):
    url = admin_url(Salary, "change", newest.pk)
    with committed():
        editor.post(url, current_form_data(editor.get(url)) | {"median": "190000"})
    assert stored(newest.role) == 190_000
    first = newest.history.earliest()
    revert_url = admin_url(Salary, "simple_history", newest.pk, first.history_id)
    with committed():
        response = editor.post(revert_url, current_form_data(editor.get(revert_url)))
    assert response.status_code == 302
    assert stored(newest.role) == 150_000


def test_restore_a_deleted_salary_from_history(editor, newest, committed):
    with committed():
        editor.post(admin_url(Salary, "delete", newest.pk), {"post": "yes"})
    assert stored(newest.role) == 100_000
    deleted = newest.history.filter(history_type="-").first()
    revert_url = admin_url(Salary, "simple_history", newest.pk, deleted.history_id)
    with committed():
        response = editor.post(revert_url, current_form_data(editor.get(revert_url)))
    assert response.status_code == 302
    assert stored(newest.role) == 150_000


def role_updates(queries):
    return [q for q in queries if q["sql"].startswith('UPDATE "careers_role"')]


def test_deleting_a_role_updates_no_role_for_its_salaries(editor, role, committed):
    sources = f.SourceFactory.create_batch(30)
    for source in sources:
        f.SalaryFactory(role=role, source=source)
    other = f.SalaryFactory(median=99_000).role
    with CaptureQueriesContext(connection) as queries, committed():
        response = editor.post(admin_url(Role, "delete", role.pk), {"post": "yes"})
    assert response.status_code == 302
    assert not Role.objects.filter(pk=role.pk).exists()
    assert not Salary.objects.filter(role_id=role.pk).exists()
    assert role_updates(queries) == []
    assert stored(other) == 99_000


def test_deleting_many_roles_at_once_updates_no_role(role, committed):
    f.SalaryFactory(role=f.RoleFactory())
    with CaptureQueriesContext(connection) as queries, committed():
        Role.objects.all().delete()
    assert not Salary.objects.exists()
    assert role_updates(queries) == []


def test_a_source_with_pay_figures_cannot_be_deleted(editor, newest, committed):
    source = newest.source
    with pytest.raises(ProtectedError):
        source.delete()
    with committed():
        response = editor.post(admin_url(Source, "delete", source.pk), {"post": "yes"})
    assert response.status_code == 200  # the admin's "cannot delete" page, naming the records
    assert Salary.objects.filter(pk=newest.pk).exists()
    assert stored(newest.role) == 150_000


def test_an_unused_source_is_deleted_without_touching_any_role(editor, role, committed):
    source = f.SourceFactory()
    with CaptureQueriesContext(connection) as queries, committed():
        response = editor.post(admin_url(Source, "delete", source.pk), {"post": "yes"})
    assert response.status_code == 302
    assert not Source.objects.filter(pk=source.pk).exists()
    assert role_updates(queries) == []


def test_the_refresh_leaves_the_roles_version_alone(editor, newest, committed):
    version = Role.objects.get(pk=newest.role_id).version
    url = admin_url(Salary, "change", newest.pk)
    with committed():
        editor.post(url, current_form_data(editor.get(url)) | {"median": "158000"})
    assert stored(newest.role) == 158_000
    assert Role.objects.get(pk=newest.role_id).version == version
