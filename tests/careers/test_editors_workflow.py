"""Issue 11, the editors' workflow through the admin, signed in as an editor (not a superuser):
history and revert, old figures, the to-do page, source links, the as-of input."""

import datetime
import io
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from careers.models import AsOfPrecision, OutlookStatistic, Role, Salary, Source
from careers.models.base import months_before, stale_cutoff
from tests import factories as f
from tests.editors_group import ensure_editors_group

TODAY = datetime.date(2026, 12, 2)
FIXTURES = Path(settings.FIXTURE_DIRS[0])


@pytest.fixture
def today(monkeypatch):
    """Freeze the date the stale flag counts from (every caller reads timezone.localdate)."""

    def set_today(day):
        monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day)

    set_today(TODAY)
    return set_today


@pytest.fixture
def editor(db, monkeypatch):
    # A transactional test that runs after another finds the tables emptied, the Editors group
    # (made by a data migration) included: rebuild it with that migration's own code.
    ensure_editors_group()
    monkeypatch.setenv("DJANGO_EDITOR_PASSWORD", "a long editor passphrase")
    call_command("create_editor", "editor", stdout=io.StringIO())
    user = get_user_model().objects.get(username="editor")
    assert not user.is_superuser
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def mle_salary():
    """The article's own February 2025 median for the machine learning engineer."""
    return Salary.objects.get(role__slug="machine-learning-engineer", source__slug="article")


def salary_form(salary, **changes):
    data = {
        "role": salary.role_id,
        "source": salary.source_id,
        "median": salary.median or "",
        "average": salary.average or "",
        "low": salary.low or "",
        "high": salary.high or "",
        "currency": salary.currency,
        "period": salary.period,
        "basis": salary.basis,
        "region": salary.region,
        "as_of": salary.as_of.strftime("%Y-%m") if salary.as_of else "",
        "as_of_precision": salary.as_of_precision,
        # The version the page was opened at (core/stale_forms.py).
        "opened_version": salary.version,
    }
    data.update(changes)
    return data


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


# --- History and revert ---------------------------------------------------------------------


class TestHistory:
    def test_the_article_rows_start_with_one_version_each(self, article_data):
        salary = mle_salary()
        [first] = salary.history.all()
        assert first.history_type == "+"
        assert first.history_change_reason == "Loaded from the source article"
        # Loading again records nothing new.
        call_command("load_initial_data", verbosity=0)
        assert salary.history.count() == 1

    def test_an_edit_records_who_changed_what_and_the_history_page_shows_the_diff(
        self, article_data, editor, editor_client, committed
    ):
        salary = mle_salary()
        with committed():
            response = editor_client.post(
                admin_url(Salary, "change", salary.pk), salary_form(salary, median="170000")
            )
        assert response.status_code == 302, response.content
        newest = salary.history.first()
        assert (newest.history_type, newest.history_user, newest.median) == ("~", editor, 170000)
        page = editor_client.get(admin_url(Salary, "history", salary.pk)).content.decode()
        assert "editor" in page
        assert f"{salary.median}" in page and "170000" in page  # old → new, in the diff

    def test_revert_restores_the_earlier_figure_and_is_itself_recorded(
        self, article_data, editor, editor_client, committed
    ):
        salary = mle_salary()
        original = salary.median
        with committed():
            editor_client.post(
                admin_url(Salary, "change", salary.pk), salary_form(salary, median="170000")
            )
        first = salary.history.earliest()
        revert_url = admin_url(Salary, "simple_history", salary.pk, first.history_id)
        form_page = editor_client.get(revert_url)
        assert form_page.status_code == 200
        assert f'value="{original}"' in form_page.content.decode()
        with committed():
            # The revert page is opened at the record's current version, not the old one's.
            current = Salary.objects.get(pk=salary.pk).version
            response = editor_client.post(
                revert_url, salary_form(first.instance, opened_version=current)
            )
        assert response.status_code == 302
        salary.refresh_from_db()
        assert salary.median == original
        assert salary.role.__class__.objects.get(pk=salary.role_id).median_pay is not None
        newest = salary.history.first()
        assert newest.history_user == editor
        assert newest.history_change_reason.startswith("Reverted to the version of ")
        assert salary.history.count() == 3

    def test_a_deleted_record_is_listed_and_can_be_restored(
        self, article_data, editor, editor_client, committed
    ):
        salary = mle_salary()
        pk, median = salary.pk, salary.median
        with committed():
            response = editor_client.post(admin_url(Salary, "delete", pk), {"post": "yes"})
        assert response.status_code == 302
        assert not Salary.objects.filter(pk=pk).exists()
        deleted = Salary.history.filter(id=pk).first()
        assert (deleted.history_type, deleted.history_user) == ("-", editor)

        todo = editor_client.get(reverse("editors:todo")).content.decode()
        assert admin_url(Salary, "history", pk) in todo

        assert editor_client.get(admin_url(Salary, "history", pk)).status_code == 200
        last = (
            Salary.history.filter(id=pk, history_type="~").first()
            or Salary.history.filter(id=pk, history_type="+").first()
        )
        with committed():
            response = editor_client.post(
                admin_url(Salary, "simple_history", pk, last.history_id),
                # Opened while the record was deleted.
                salary_form(last.instance, opened_version=0),
            )
        assert response.status_code == 302
        assert Salary.objects.get(pk=pk).median == median
        todo = editor_client.get(reverse("editors:todo"))
        assert [record.id for _, _, record, _ in todo.context["deleted"]] == []

    @pytest.mark.parametrize(
        "path",
        [
            "abc/history/",
            "99999999999999999999999/history/",
            "{pk}/history/abc/",
            "{pk}/history/99999999999999999999999/",
            "{pk}/history/123456/",
        ],
    )
    def test_a_tampered_history_address_is_a_404(self, article_data, editor_client, path):
        url = admin_url(Salary, "changelist") + path.format(pk=mle_salary().pk)
        assert editor_client.get(url).status_code == 404

    # Committed for real: PostgreSQL will not empty (flush) tables that this very transaction
    # has written to with deferred constraint checks still pending.
    @pytest.mark.django_db(transaction=True)
    def test_history_survives_dumpdata_and_loaddata(
        self, article_data, editor_client, committed, tmp_path
    ):
        salary = mle_salary()
        with committed():
            editor_client.post(
                admin_url(Salary, "change", salary.pk), salary_form(salary, median="170000")
            )
            gone = Salary.objects.get(role__slug="data-scientist")
            editor_client.post(admin_url(Salary, "delete", gone.pk), {"post": "yes"})
        assert Salary.history.filter(id=gone.pk, history_type="-").exists()
        before = list(
            Salary.history.order_by("history_id").values_list(
                "history_id", "id", "median", "history_type", "history_user__username"
            )
        )
        # As docs/editors.md's backup recipe says: accounts by natural key (permissions are
        # renumbered when a database is rebuilt), content and its history by primary key (a
        # natural key cannot name a deleted record, and history keeps versions of those).
        accounts, content = tmp_path / "accounts.json", tmp_path / "content.json"
        call_command(
            "dumpdata", "auth.group", "auth.user", natural_foreign=True, output=str(accounts)
        )
        call_command("dumpdata", "core", "official", "careers", "faq", output=str(content))
        call_command("flush", "--no-input", verbosity=0)
        assert not Salary.history.exists()
        call_command("loaddata", str(accounts), str(content), verbosity=0)
        after = list(
            Salary.history.order_by("history_id").values_list(
                "history_id", "id", "median", "history_type", "history_user__username"
            )
        )
        assert after == before
        # One first version per article record, the edit and the deletion.
        assert len(after) == len(json.loads((FIXTURES / "salaries.json").read_text())) + 2


# --- Old figures ----------------------------------------------------------------------------


class TestStale:
    @pytest.mark.parametrize(
        ("as_of", "stale"),
        [
            (datetime.date(2025, 12, 1), True),  # twelve months and a day
            (datetime.date(2025, 12, 2), False),  # exactly twelve months
            (datetime.date(2025, 2, 1), True),  # the article's "February 2025"
            (datetime.date(2026, 12, 1), False),
            (None, False),  # undated is not old: editors see it listed as undated
        ],
    )
    def test_the_boundary(self, today, as_of, stale):
        assert Salary(as_of=as_of).is_stale is stale

    def test_the_limit_is_a_setting(self, today, settings):
        settings.CAREERGUIDE_STALE_AFTER_MONTHS = 24
        assert stale_cutoff() == datetime.date(2024, 12, 2)
        assert Salary(as_of=datetime.date(2025, 2, 1)).is_stale is False

    def test_february_2025_becomes_old_on_2_february_2026(self, today):
        figure = Salary(as_of=datetime.date(2025, 2, 1))
        today(datetime.date(2026, 2, 1))
        assert figure.is_stale is False
        today(datetime.date(2026, 2, 2))
        assert figure.is_stale is True

    @pytest.mark.parametrize(
        ("day", "months", "expected"),
        [
            (datetime.date(2026, 3, 31), 1, datetime.date(2026, 2, 28)),
            (datetime.date(2024, 3, 31), 1, datetime.date(2024, 2, 29)),
            (datetime.date(2026, 1, 15), 13, datetime.date(2024, 12, 15)),
            (datetime.date(2024, 2, 29), 12, datetime.date(2023, 2, 28)),
        ],
    )
    def test_months_before_keeps_to_the_calendar(self, day, months, expected):
        assert months_before(day, months) == expected

    def test_the_role_page_says_calmly_that_a_figure_is_old(self, article_data, client, today):
        page = client.get(reverse("careers:role_detail", args=["machine-learning-engineer"]))
        assert "more than a year old" in page.content.decode()
        today(datetime.date(2026, 1, 15))
        page = client.get(reverse("careers:role_detail", args=["machine-learning-engineer"]))
        assert "more than a year" not in page.content.decode()

    def test_the_admin_index_counts_old_figures(self, article_data, editor_client, today):
        dated = [
            row["fields"]["as_of"]
            for name in ("salaries.json", "outlook.json")
            for row in json.loads((FIXTURES / name).read_text())
            if row["fields"]["as_of"]
        ]
        old = sum(datetime.date.fromisoformat(day) < datetime.date(2025, 12, 2) for day in dated)
        page = editor_client.get(reverse("admin:index")).content.decode()
        assert f"{old} figures are more than a year old" in page
        assert reverse("editors:todo") in page

    def test_the_age_filter_lists_old_recent_and_undated_figures(
        self, article_data, editor_client, today
    ):
        f.SalaryFactory(as_of=datetime.date(2026, 6, 1), median=99999)
        url = admin_url(Salary, "changelist")
        old = editor_client.get(url, {"age": "old"}).context["cl"].result_count
        recent = editor_client.get(url, {"age": "recent"}).context["cl"].result_count
        undated = editor_client.get(url, {"age": "undated"}).context["cl"].result_count
        assert old == Salary.objects.filter(as_of__lt=datetime.date(2025, 12, 2)).count() > 0
        assert recent == 1
        assert undated == Salary.objects.filter(as_of__isnull=True).count() > 0
        assert old + recent + undated == Salary.objects.count()
        outlook = editor_client.get(admin_url(OutlookStatistic, "changelist"), {"age": "old"})
        assert outlook.status_code == 200


# --- The to-do page -------------------------------------------------------------------------


class TestTodo:
    def test_each_line_links_to_the_form_that_fixes_it(self, article_data, editor_client, today):
        bare = f.RoleFactory(title="Bare Role", description="")
        unlinked = f.SourceFactory(publisher="Unlinked Survey", url="")
        undated = f.SalaryFactory(as_of=None, median=50000)
        page = editor_client.get(reverse("editors:todo"))
        assert page.status_code == 200
        html = page.content.decode()
        for url in (
            admin_url(Role, "change", bare.pk),
            admin_url(Source, "change", unlinked.pk),
            admin_url(Salary, "change", undated.pk),
            admin_url(Salary, "change", mle_salary().pk),  # February 2025: old
        ):
            assert f'href="{url}"' in html, url
        sections = {s["title"]: s for s in page.context["sections"]}
        assert "Bare Role" in [text for _, text in sections["Roles without pay figures"]["lines"]]
        assert "Bare Role" in [text for _, text in sections["Roles without skills"]["lines"]]
        article_source = Source.objects.get(slug="article")
        assert str(article_source) in [
            text for _, text in sections["Sources without a link"]["lines"]
        ]
        glassdoor = Source.objects.get(slug="glassdoor")
        assert str(glassdoor) not in [
            text for _, text in sections["Sources without a link"]["lines"]
        ]

    def test_long_lists_stop_and_link_to_the_filtered_list(self, article_data, editor_client):
        call_command("generate_synthetic_roles", 40, verbosity=0)
        page = editor_client.get(reverse("editors:todo"))
        sections = {s["title"]: s for s in page.context["sections"]}
        no_description = sections["Roles without a description"]
        assert len(no_description["lines"]) == 25
        assert no_description["total"] == Role.objects.filter(description="").count() > 25
        assert no_description["more_url"] == admin_url(Role, "changelist") + "?missing=description"
        listed = editor_client.get(no_description["more_url"]).context["cl"].result_count
        assert listed == no_description["total"]

    def test_anonymous_visitors_are_sent_to_sign_in(self, client, db):
        response = client.get(reverse("editors:todo"))
        assert response.status_code == 302
        assert reverse("admin:login") in response["Location"]


# --- Sources with links ---------------------------------------------------------------------


def source_form(**changes):
    return {
        "publisher": "Pay Survey",
        "title": "",
        "slug": "pay-survey",
        "url": "",
        "note": "",
        **changes,
    }


class TestSourceLinks:
    @pytest.mark.parametrize(
        "url",
        [
            "javascript:alert(document.cookie)",
            "JavaScript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "ftp://files.example.org/pay.csv",
            "vbscript:msgbox(1)",
        ],
    )
    def test_only_web_addresses_are_accepted(self, editor_client, url):
        response = editor_client.post(admin_url(Source, "add"), source_form(url=url))
        assert response.status_code == 200
        assert response.context["adminform"].form.errors["url"]
        assert not Source.objects.filter(slug="pay-survey").exists()

    def test_a_web_address_is_saved_with_a_publication_date(self, editor_client):
        response = editor_client.post(
            admin_url(Source, "add"),
            source_form(url="https://www.example.org/", published_on="2025-02-01"),
        )
        assert response.status_code == 302
        source = Source.objects.get(slug="pay-survey")
        assert (source.url, source.published_on) == (
            "https://www.example.org/",
            datetime.date(2025, 2, 1),
        )

    def test_the_database_refuses_a_script_address_written_around_the_form(self, db):
        with pytest.raises(IntegrityError), transaction.atomic():
            Source.objects.create(slug="x", publisher="X", url="javascript:alert(1)")

    def test_public_citations_link_to_the_source(self, article_data, client):
        html = client.get(
            reverse("careers:role_detail", args=["machine-learning-engineer"])
        ).content.decode()
        glassdoor = Source.objects.get(slug="glassdoor")
        assert f'<a href="{glassdoor.url}" rel="noopener external">Glassdoor' in html

    def test_the_fixtures_link_only_the_publishers_home_pages(self):
        rows = json.loads((FIXTURES / "sources.json").read_text())
        urls = {row["fields"]["slug"]: row["fields"]["url"] for row in rows}
        assert urls["article"] == ""  # its address is not in the source text
        for slug, url in urls.items():
            if url:
                assert url.startswith("https://") and url.count("/") == 3, (slug, url)


# --- The admin fixes from the editor's trial ------------------------------------------------


class TestAdminForms:
    def test_the_as_of_input_takes_a_month_and_year(self, article_data, editor_client):
        salary = mle_salary()
        page = editor_client.get(admin_url(Salary, "change", salary.pk)).content.decode()
        assert 'name="as_of" value="2025-02"' in page
        assert "vDateField" not in page  # no date picker with a "Today" button
        response = editor_client.post(
            admin_url(Salary, "change", salary.pk), salary_form(salary, as_of="March 2025")
        )
        assert response.status_code == 302
        salary.refresh_from_db()
        assert (salary.as_of, salary.as_of_precision) == (datetime.date(2025, 3, 1), "month")

    def test_a_year_alone_needs_year_precision(self, article_data, editor_client):
        salary = mle_salary()
        url = admin_url(Salary, "change", salary.pk)
        response = editor_client.post(url, salary_form(salary, as_of="2024"))
        assert response.status_code == 200
        assert "give the month too" in str(response.context["adminform"].form.errors["as_of"])
        response = editor_client.post(
            url, salary_form(salary, as_of="2024", as_of_precision=AsOfPrecision.YEAR)
        )
        assert response.status_code == 302
        salary.refresh_from_db()
        assert (salary.as_of, salary.as_of_precision) == (datetime.date(2024, 1, 1), "year")
        page = editor_client.get(url).content.decode()
        assert 'name="as_of" value="2024"' in page

    @pytest.mark.parametrize("typed", ["13/2025", "2025-13", "Febtober 2025", "soon", "2025-02-30"])
    def test_an_unreadable_as_of_is_a_form_error(self, article_data, editor_client, typed):
        salary = mle_salary()
        response = editor_client.post(
            admin_url(Salary, "change", salary.pk), salary_form(salary, as_of=typed)
        )
        assert response.status_code == 200
        assert "Enter the month and year" in str(response.context["adminform"].form.errors)

    def test_the_role_list_cites_the_median_and_hides_the_synthetic_column(
        self, article_data, editor_client
    ):
        response = editor_client.get(admin_url(Role, "changelist"))
        html = response.content.decode()
        assert "Is synthetic" not in html and "column-is_synthetic" not in html
        assert "is_synthetic__exact" in html  # a filter instead
        source = escape(str(Source.objects.get(slug="article")))
        assert f"$168,730<br><small>February 2025, {source}</small>" in html


# --- The production guard -------------------------------------------------------------------


class TestSyntheticGuard:
    def test_refuses_production_settings(self, article_data, settings):
        from django.core.management.base import CommandError

        settings.CAREERGUIDE_PRODUCTION = True
        with pytest.raises(CommandError, match="production settings"):
            call_command("generate_synthetic_roles", 2, verbosity=0)
        assert not Role.objects.filter(is_synthetic=True).exists()
        call_command("generate_synthetic_roles", 2, allow_production=True, verbosity=0)
        assert Role.objects.filter(is_synthetic=True).count() == 2

    def test_the_test_settings_are_not_production(self):
        # Production's own say-so is checked under prod settings in tests/test_prod_settings.py.
        assert settings.CAREERGUIDE_PRODUCTION is False
