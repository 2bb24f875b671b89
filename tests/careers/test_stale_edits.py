"""Issue 16 item 4: two editors never silently overwrite each other, and records that point at
deleted rows still show (the to-do page, history pages) and can be restored."""

import datetime
import io
import threading

import pytest
import tablib
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

from careers.admin.pay import SalaryAdmin
from careers.admin.spreadsheet import SalaryResource
from careers.models import Role, RoleSkill, Salary, Source
from core.versioning import StaleEdit
from faq.models import FaqEntry
from tests import factories as f
from tests.cache.forms import form_fields
from tests.editors_group import ensure_editors_group

STALE = "after you opened this page"


def admin_url(model, view, *args):
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def make_editor(username, monkeypatch):
    # A transactional test finds the tables emptied, the Editors group (made by a data
    # migration) included: rebuild it with that migration's own code.
    ensure_editors_group()
    monkeypatch.setenv("DJANGO_EDITOR_PASSWORD", "a long editor passphrase")
    call_command("create_editor", username, stdout=io.StringIO())
    return get_user_model().objects.get(username=username)


@pytest.fixture
def editors(db, monkeypatch):
    """Two editors' browsers, each signed in as a different editor."""
    clients = []
    for name in ("ada", "grace"):
        client = Client()
        client.force_login(make_editor(name, monkeypatch))
        clients.append(client)
    return clients


@pytest.fixture
def salary(db):
    role = f.RoleFactory(title="Data Wrangler")
    f.RoleSkillFactory(role=role)
    return f.SalaryFactory(role=role, median=150_000, low=None, high=None)


def current_form_data(response):
    """The POST the page would send unchanged: its main form and every inline form."""
    forms = [response.context["adminform"].form]
    data = {}
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        data.update({field.html_name: field.value() for field in formset.management_form})
        forms.extend(formset.forms)
    for form in forms:
        for field in form:
            value = field.value()
            if value is False:
                continue
            if value is True:
                value = "on"
            elif isinstance(value, (list, tuple)):
                value = [str(item) for item in value]
            elif isinstance(value, datetime.date):
                value = value.isoformat()
            data[field.html_name] = "" if value is None else value
    return data


def form_errors(response):
    """Every error the admin page shows: the main form's and each inline row's."""
    errors = list(response.context["errors"])
    for inline in response.context.get("inline_admin_formsets", []):
        errors += inline.formset.non_form_errors()
        for form in inline.formset.forms:
            errors += form.non_field_errors()
    return " ".join(str(error) for error in errors)


class TestTwoEditorsOnOneRecord:
    def test_the_second_save_is_refused_naming_the_change_and_keeping_the_input(
        self, editors, salary, committed
    ):
        ada, grace = editors
        url = admin_url(Salary, "change", salary.pk)
        ada_form, grace_form = current_form_data(ada.get(url)), current_form_data(grace.get(url))

        with committed():
            assert ada.post(url, ada_form | {"median": "170000"}).status_code == 302
            response = grace.post(url, grace_form | {"median": "160000", "basis": "base pay"})

        assert response.status_code == 200
        message = form_errors(response)
        assert STALE in message
        assert "ada" in message and "median" in message
        assert "“150000” → “170000”" in message
        salary.refresh_from_db()
        assert (salary.median, salary.basis) == (170_000, "median total pay")
        # Grace's input is still in the form, now marked with the current version.
        form = response.context["adminform"].form
        assert form["median"].value() == "160000" and form["basis"].value() == "base pay"
        assert form["opened_version"].value() == salary.version

        # Saving again, having read what changed, is her choice to keep hers.
        with committed():
            again = grace.post(url, current_form_data(response))
        assert again.status_code == 302
        salary.refresh_from_db()
        assert (salary.median, salary.basis) == (160_000, "base pay")

    def test_an_unchanged_save_leaves_the_other_editors_form_valid(self, editors, salary):
        ada, grace = editors
        url = admin_url(Salary, "change", salary.pk)
        ada_form, grace_form = current_form_data(ada.get(url)), current_form_data(grace.get(url))
        version = Salary.objects.get(pk=salary.pk).version

        assert ada.post(url, ada_form).status_code == 302
        assert Salary.objects.get(pk=salary.pk).version == version
        assert grace.post(url, grace_form | {"median": "160000"}).status_code == 302
        assert Salary.objects.get(pk=salary.pk).median == 160_000

    def test_a_stale_inline_salary_refuses_the_whole_role_page(self, editors, salary, committed):
        ada, grace = editors
        role = salary.role
        url = admin_url(Role, "change", role.pk)
        grace_form = current_form_data(grace.get(url))
        # Ada changes the pay record on its own page; Grace's role page still shows the old one.
        salary_url = admin_url(Salary, "change", salary.pk)
        with committed():
            ada_form = current_form_data(ada.get(salary_url))
            assert ada.post(salary_url, ada_form | {"median": "175000"}).status_code == 302
            response = grace.post(url, grace_form | {"summary": "Grace's new summary."})

        assert response.status_code == 200
        message = form_errors(response)
        assert "This salary was changed by ada" in message
        assert "“150000” → “175000”" in message
        role.refresh_from_db()
        salary.refresh_from_db()
        assert role.summary == "Summary of Data Wrangler." and salary.median == 175_000
        assert role.median_pay == 175_000

    def test_a_stale_inline_row_cannot_be_deleted(self, editors, salary):
        ada, grace = editors
        url = admin_url(Role, "change", salary.role_id)
        grace_form = current_form_data(grace.get(url))
        salary_url = admin_url(Salary, "change", salary.pk)
        ada.post(salary_url, current_form_data(ada.get(salary_url)) | {"median": "175000"})

        row = next(
            key
            for key, value in grace_form.items()
            if key.startswith("salaries-") and key.endswith("-id") and str(value) == str(salary.pk)
        )
        delete = row.replace("-id", "-DELETE")
        response = grace.post(url, grace_form | {delete: "on"})
        assert response.status_code == 200
        assert "This salary was changed by ada" in form_errors(response)
        assert Salary.objects.filter(pk=salary.pk, median=175_000).exists()

    def test_a_save_that_loses_the_race_after_its_check_is_refused(
        self, editors, salary, monkeypatch
    ):
        """The other save commits between this request reading the record (and checking the
        form against it) and writing it: the conditional UPDATE matches nothing, the admin
        rolls back, reads again and explains."""
        ada, _ = editors
        url = admin_url(Salary, "change", salary.pk)
        form = current_form_data(ada.get(url))
        read_before_the_other_save = Salary.objects.get(pk=salary.pk)
        Salary.objects.filter(pk=salary.pk).update(median=155_000)  # the other editor's save
        get_object = SalaryAdmin.get_object

        def read_once_before(self, request, object_id, from_field=None):
            monkeypatch.setattr(SalaryAdmin, "get_object", get_object)
            return read_before_the_other_save

        monkeypatch.setattr(SalaryAdmin, "get_object", read_once_before)
        response = ada.post(url, form | {"median": "170000", "basis": "base pay"})

        assert response.status_code == 200
        assert "median: “150000” → “155000”" in form_errors(response)
        salary.refresh_from_db()
        assert (salary.median, salary.basis) == (155_000, "median total pay")

    def test_a_form_without_its_version_is_refused_not_saved(self, editors, salary):
        ada, _ = editors
        url = admin_url(Salary, "change", salary.pk)
        form = current_form_data(ada.get(url))
        del form["opened_version"]
        response = ada.post(url, form | {"median": "170000"})
        assert response.status_code == 200
        assert "did not say which version" in form_errors(response)
        assert Salary.objects.get(pk=salary.pk).median == 150_000

    def test_the_pages_a_browser_submits_carry_the_version_they_were_opened_at(
        self, editors, salary
    ):
        ada, _ = editors
        pages = {
            "salary_form": admin_url(Salary, "change", salary.pk),
            "role_form": admin_url(Role, "change", salary.role_id),
            "historicalsalary_form": admin_url(
                Salary, "simple_history", salary.pk, salary.history.earliest().history_id
            ),
        }
        for form_id, url in pages.items():
            fields = dict(form_fields(ada.get(url).content.decode(), form_id))
            assert fields["opened_version"] == str(salary.role.version if "role" in form_id else 1)
        role_page = dict(form_fields(ada.get(pages["role_form"]).content.decode(), "role_form"))
        assert role_page["salaries-0-opened_version"] == str(salary.version)
        assert role_page["role_skills-0-opened_version"] == "1"

    @pytest.mark.parametrize(
        "make", [f.SourceFactory, f.OutlookStatisticFactory, f.FaqEntryFactory, f.SkillFactory]
    )
    def test_every_content_form_refuses_a_stale_save(self, editors, make):
        ada, grace = editors
        obj = make()
        model = type(obj)
        url = admin_url(model, "change", obj.pk)
        ada_form, grace_form = current_form_data(ada.get(url)), current_form_data(grace.get(url))
        field = {Source: "note", FaqEntry: "answer"}.get(model, "slug")
        assert ada.post(url, ada_form | {field: "ada-wrote-this"}).status_code == 302
        response = grace.post(url, grace_form | {field: "grace-wrote-this"})
        assert response.status_code == 200
        assert "“ada-wrote-this”" in form_errors(response)
        assert model.objects.filter(pk=obj.pk, **{field: "ada-wrote-this"}).exists()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="two connections writing at once: PostgreSQL"
)
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_saves_cannot_both_win(monkeypatch):
    """Two editors' saves pass their checks at the same moment, each in its own transaction
    and connection; the database lets exactly one of them write."""
    role = f.RoleFactory()
    salary = f.SalaryFactory(role=role, median=150_000)
    clients = []
    for name in ("ada", "grace"):
        client = Client()
        client.force_login(make_editor(name, monkeypatch))
        clients.append(client)
    url = admin_url(Salary, "change", salary.pk)
    forms = [current_form_data(client.get(url)) for client in clients]

    both_checked = threading.Barrier(2, timeout=30)
    save_model = SalaryAdmin.save_model

    def save_after_both_checked(self, request, obj, form, change):
        if not getattr(request, "_waited", False):
            request._waited = True
            both_checked.wait()
        return save_model(self, request, obj, form, change)

    monkeypatch.setattr(SalaryAdmin, "save_model", save_after_both_checked)
    results = {}

    def save(index, median):
        try:
            results[median] = clients[index].post(url, forms[index] | {"median": str(median)})
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=pair) for pair in ((0, 170_000), (1, 160_000))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    statuses = {median: response.status_code for median, response in results.items()}
    assert sorted(statuses.values()) == [200, 302]
    [winner] = [median for median, status in statuses.items() if status == 302]
    [loser] = [median for median, status in statuses.items() if status == 200]
    assert Salary.objects.get(pk=salary.pk).median == winner
    assert STALE in form_errors(results[loser])
    assert Salary.objects.get(pk=salary.pk).version == salary.version + 1


class TestEverySaveCounts:
    def test_a_save_in_code_raises_the_version(self, salary):
        version = salary.version
        salary.median = 151_000
        salary.save()
        assert salary.version == version + 1
        assert Salary.objects.get(pk=salary.pk).version == version + 1

    def test_a_save_in_code_that_changes_nothing_keeps_the_version(self, salary):
        version = salary.version
        Salary.objects.get(pk=salary.pk).save()
        assert Salary.objects.get(pk=salary.pk).version == version

    def test_reloading_the_article_over_an_edited_row_raises_its_version(
        self, article_data, committed
    ):
        role = Role.objects.get(slug="data-scientist")
        Role.objects.filter(pk=role.pk).update(summary="Edited by an editor.")
        edited = Role.objects.get(pk=role.pk).version
        untouched = Role.objects.get(slug="machine-learning-engineer").version
        with committed():
            call_command("load_initial_data", verbosity=0)
        assert Role.objects.get(pk=role.pk).version == edited + 1
        assert Role.objects.get(slug="machine-learning-engineer").version == untouched

    def test_a_save_expecting_an_old_version_raises_and_writes_nothing(self, salary):
        first, second = Salary.objects.get(pk=salary.pk), Salary.objects.get(pk=salary.pk)
        first.expect_version(first.version)
        second.expect_version(second.version)
        first.median = 170_000
        first.save()
        second.median = 160_000
        with pytest.raises(StaleEdit), transaction.atomic():
            second.save()
        assert Salary.objects.get(pk=salary.pk).median == 170_000

    def test_a_bulk_update_of_edited_fields_raises_the_version(self, salary):
        version = salary.version
        assert Salary.objects.filter(pk=salary.pk).update(basis="base pay") == 1
        assert Salary.objects.get(pk=salary.pk).version == version + 1
        Role.objects.filter(pk=salary.role_id).update(is_published=False)
        assert Role.objects.get(pk=salary.role_id).version == salary.role.version + 1

    def test_a_recomputed_median_is_not_an_edit(self, salary):
        version = Role.objects.get(pk=salary.role_id).version
        Role.objects.filter(pk=salary.role_id).refresh_median_pay()
        assert Role.objects.get(pk=salary.role_id).version == version

    def test_a_spreadsheet_import_raises_the_version(self, salary):
        version = salary.version
        dataset = tablib.Dataset(
            [
                salary.role.slug,
                salary.source.slug,
                "171000",
                "",
                "",
                "",
                "USD",
                "2025-02",
                "median total pay",
                "",
            ],
            headers=SalaryResource().get_export_headers(),
        )
        result = SalaryResource().import_data(dataset, dry_run=False)
        assert not result.has_errors() and not result.has_validation_errors()
        salary.refresh_from_db()
        assert (salary.median, salary.version) == (171_000, version + 1)

    def test_a_revert_takes_the_next_version_not_the_old_one(self, editors, salary, committed):
        ada, grace = editors
        url = admin_url(Salary, "change", salary.pk)
        grace_form = current_form_data(grace.get(url))
        with committed():
            ada.post(url, current_form_data(ada.get(url)) | {"median": "170000"})
        first = salary.history.earliest()
        revert_url = admin_url(Salary, "simple_history", salary.pk, first.history_id)
        with committed():
            response = ada.post(revert_url, current_form_data(ada.get(revert_url)))
        assert response.status_code == 302
        reverted = Salary.objects.get(pk=salary.pk)
        assert reverted.median == 150_000
        assert reverted.version == first.version + 2
        # Grace's page, opened at the first version, is still out of date.
        response = grace.post(url, grace_form | {"median": "160000"})
        assert response.status_code == 200 and STALE in form_errors(response)
        assert Salary.objects.get(pk=salary.pk).median == 150_000

    def test_a_revert_page_opened_before_an_edit_is_refused(self, editors, salary):
        ada, grace = editors
        first = salary.history.earliest()
        revert_url = admin_url(Salary, "simple_history", salary.pk, first.history_id)
        revert_form = current_form_data(grace.get(revert_url))
        url = admin_url(Salary, "change", salary.pk)
        ada.post(url, current_form_data(ada.get(url)) | {"median": "170000"})
        response = grace.post(revert_url, revert_form)
        assert response.status_code == 200
        assert "This salary was changed by ada" in form_errors(response)
        assert Salary.objects.get(pk=salary.pk).median == 170_000


class TestDeletedRelatedRows:
    @pytest.fixture
    def deleted_role(self, editors, salary, committed):
        ada, _ = editors
        role = salary.role
        with committed():
            response = ada.post(admin_url(Role, "delete", role.pk), {"post": "yes"})
        assert response.status_code == 302
        assert not Salary.objects.filter(pk=salary.pk).exists()
        return role

    def test_the_to_do_page_names_records_of_a_deleted_role(self, editors, salary, deleted_role):
        response = editors[1].get(reverse("editors:todo"))
        assert response.status_code == 200
        page = response.content.decode()
        assert f"Data Wrangler (deleted) — {salary.source}" in page
        assert "for Data Wrangler (deleted) (Essential)" in page

    def test_history_pages_open_after_the_deletion(self, editors, salary, deleted_role):
        grace = editors[1]
        skill = RoleSkill.history.filter(role_id=deleted_role.pk).first()
        for url in (
            admin_url(Salary, "history", salary.pk),
            admin_url(Role, "history", deleted_role.pk),
            admin_url(RoleSkill, "history", skill.id),
            admin_url(Salary, "simple_history", salary.pk, salary.history.first().history_id),
        ):
            response = grace.get(url)
            assert response.status_code == 200, url
        assert (
            "Data Wrangler (deleted)"
            in grace.get(admin_url(Salary, "history", salary.pk)).content.decode()
        )

    def test_a_deleted_source_is_named_on_its_old_records(self, editors, salary, deleted_role):
        source = salary.source
        Source.objects.filter(pk=source.pk).delete()
        response = editors[1].get(admin_url(Salary, "history", salary.pk))
        assert response.status_code == 200
        assert f"{source} (deleted)" in response.content.decode()

    def test_restoring_the_record_before_its_role_explains_instead_of_failing(
        self, editors, salary, deleted_role
    ):
        grace = editors[1]
        last = salary.history.filter(history_type="~").first() or salary.history.earliest()
        revert_url = admin_url(Salary, "simple_history", salary.pk, last.history_id)
        response = grace.post(revert_url, current_form_data(grace.get(revert_url)))
        assert response.status_code == 200
        assert response.context["adminform"].form.errors["role"]
        assert not Salary.objects.filter(pk=salary.pk).exists()

    def test_the_role_then_its_pay_are_restored_above_their_old_versions(
        self, editors, salary, deleted_role, committed
    ):
        ada, grace = editors
        role_record = Role.history.filter(id=deleted_role.pk, history_type="-").first()
        revert_role = admin_url(Role, "simple_history", deleted_role.pk, role_record.history_id)
        with committed():
            response = grace.post(revert_role, current_form_data(grace.get(revert_role)))
        assert response.status_code == 302
        role = Role.objects.get(pk=deleted_role.pk)
        assert role.version > role_record.version

        salary_record = salary.history.filter(history_type="-").first()
        revert_salary = admin_url(Salary, "simple_history", salary.pk, salary_record.history_id)
        with committed():
            response = grace.post(revert_salary, current_form_data(grace.get(revert_salary)))
        assert response.status_code == 302
        restored = Salary.objects.get(pk=salary.pk)
        assert restored.median == 150_000 and restored.version > salary_record.version
        assert Role.objects.get(pk=role.pk).median_pay == 150_000

        todo = ada.get(reverse("editors:todo"))
        deleted = {(kind, record.id) for _, kind, record, _ in todo.context["deleted"]}
        assert ("salary", salary.pk) not in deleted and ("role", role.pk) not in deleted

    def test_a_form_opened_before_the_deletion_cannot_save_over_the_restored_record(
        self, editors, salary, committed
    ):
        ada, grace = editors
        url = admin_url(Salary, "change", salary.pk)
        stale = current_form_data(grace.get(url))
        with committed():
            ada.post(admin_url(Salary, "delete", salary.pk), {"post": "yes"})
            record = salary.history.filter(history_type="-").first()
            revert_url = admin_url(Salary, "simple_history", salary.pk, record.history_id)
            ada.post(revert_url, current_form_data(ada.get(revert_url)))
        assert Salary.objects.filter(pk=salary.pk).exists()
        response = grace.post(url, stale | {"median": "160000"})
        assert response.status_code == 200 and STALE in form_errors(response)
        assert Salary.objects.get(pk=salary.pk).median == 150_000

    def test_two_restores_of_one_deleted_record_do_not_both_save(self, editors, salary):
        ada, grace = editors
        ada.post(admin_url(Salary, "delete", salary.pk), {"post": "yes"})
        record = salary.history.filter(history_type="-").first()
        revert_url = admin_url(Salary, "simple_history", salary.pk, record.history_id)
        ada_form = current_form_data(ada.get(revert_url))
        grace_form = current_form_data(grace.get(revert_url))
        assert ada.post(revert_url, ada_form | {"basis": "ada's"}).status_code == 302
        response = grace.post(revert_url, grace_form | {"basis": "grace's"})
        assert response.status_code == 200
        assert "This salary was restored by ada" in form_errors(response)
        assert Salary.objects.get(pk=salary.pk).basis == "ada's"


@pytest.mark.django_db(transaction=True)
def test_the_migration_gives_existing_rows_a_first_version():
    from django.db.migrations.executor import MigrationExecutor

    before = [("careers", "0011_content_history_source_links"), ("faq", "0002_content_history")]
    after = [("careers", "0012_edit_version"), ("faq", "0003_edit_version")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    old.get_model("careers", "Role").objects.create(slug="mle", title="MLE")
    old.get_model("careers", "HistoricalRole").objects.create(
        id=1, slug="mle", title="MLE", history_date="2026-01-01T00:00:00Z", history_type="+"
    )
    old.get_model("faq", "FaqEntry").objects.create(
        slug="q", question="Q?", answer="A.", topic="career"
    )

    executor = MigrationExecutor(connection)
    executor.migrate(after)
    new = executor.loader.project_state(after).apps
    assert list(new.get_model("careers", "Role").objects.values_list("version", flat=True)) == [1]
    assert list(
        new.get_model("careers", "HistoricalRole").objects.values_list("version", flat=True)
    ) == [1]
    assert list(new.get_model("faq", "FaqEntry").objects.values_list("version", flat=True)) == [1]

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
