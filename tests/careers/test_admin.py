"""The admin as an editor uses it: every content page opens, and bad edits explain themselves."""

import datetime
import io

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from careers import models as m
from faq.models import FaqEntry
from official.models import Occupation
from tests import factories as f

CONTENT_APPS = ("core", "careers", "faq")
ADMIN_MODELS = sorted(
    (model for model in admin.site._registry if model._meta.app_label in CONTENT_APPS),
    key=lambda model: model._meta.label,
)


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def editor(db, monkeypatch):
    monkeypatch.setenv("DJANGO_EDITOR_PASSWORD", "a long editor passphrase")
    call_command("create_editor", "editor", stdout=io.StringIO())
    return get_user_model().objects.get(username="editor")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def content(db):
    """One row of every content model, linked the way the article's data is."""
    source = f.SourceFactory(publisher="Pay Survey", title="Salaries 2025")
    stage = f.CareerStageFactory(name="Entry level", source=source)
    skill = f.SkillFactory(name="Statistics", source=source)
    company = f.CompanyFactory(name="Example Corp")
    role = f.RoleFactory(title="Example Engineer", stage=stage, description_source=source)
    role.next_roles.add(f.RoleFactory(title="Example Lead"))
    role.hiring_companies.add(company)
    faq = f.FaqEntryFactory(question="Is this an example?", source=source)
    faq.related_roles.add(role)
    rows = [
        source,
        stage,
        skill,
        company,
        role,
        f.RoleSkillFactory(role=role, skill=skill),
        f.SalaryFactory(role=role, source=source, median=123_456, low=100_000, high=150_000),
        m.Duty.objects.create(slug="build-models", text="Build models.", source=source),
        step := m.EducationStep.objects.create(slug="degree", title="Degree", source=source),
        m.EducationPassage.objects.create(step=step, order=1, text="Study.", source=source),
        m.Application.objects.create(
            slug="search", name="Search engines", examples="Web", source=source
        ),
        m.Quote.objects.create(slug="q", text="Machines learn.", topic=m.QuoteTopic.DEFINITION),
        f.OutlookStatisticFactory(source=source, as_of=datetime.date(2023, 1, 1)),
        faq,
        # Read-only official data, offered to editors through the role's autocomplete.
        occupation := Occupation.objects.create(soc_code="15-2051", title="Data Scientists"),
        m.RoleOccupation.objects.create(role=role, occupation=occupation, order=1),
    ]
    return {type(row): row for row in rows}


def test_every_content_model_is_registered():
    content_models = {
        model
        for label in CONTENT_APPS
        for model in apps.get_app_config(label).get_models()
        # Versions are shown on their content model's History page, not edited on their own.
        if not model._meta.model_name.startswith("historical")
    }
    assert set(ADMIN_MODELS) == content_models


@pytest.mark.parametrize("model", ADMIN_MODELS, ids=lambda model: model._meta.label)
def test_editor_opens_every_page(editor_client, content, model):
    obj = content[model]
    for url in (
        admin_url(model, "changelist"),
        admin_url(model, "add"),
        admin_url(model, "change", obj.pk),
        admin_url(model, "delete", obj.pk),
    ):
        assert editor_client.get(url).status_code == 200, url


@pytest.mark.parametrize("model", ADMIN_MODELS, ids=lambda model: model._meta.label)
def test_changelist_search_finds_the_row(editor_client, content, model):
    obj = content[model]
    first_field = admin.site._registry[model].search_fields[0]
    term = obj
    for part in first_field.split("__"):
        term = getattr(term, part)
    response = editor_client.get(admin_url(model, "changelist"), {"q": str(term)[:30]})
    assert response.status_code == 200
    assert obj in response.context["cl"].result_list


@pytest.mark.parametrize("model", ADMIN_MODELS, ids=lambda model: model._meta.label)
def test_every_list_filter_choice_opens(editor_client, content, model):
    changelist = admin_url(model, "changelist")
    response = editor_client.get(changelist)
    specs = response.context["cl"].filter_specs
    assert specs, "every list offers at least one filter"
    for spec in specs:
        for choice in spec.choices(response.context["cl"]):
            filtered = editor_client.get(changelist + choice["query_string"])
            assert filtered.status_code == 200, choice["query_string"]
            assert filtered.context["cl"].model is model


@pytest.mark.parametrize("model", ADMIN_MODELS, ids=lambda model: model._meta.label)
def test_anonymous_visitor_is_sent_to_login(client, model):
    url = admin_url(model, "changelist")
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('admin:login')}?next={url}"


# Autocomplete widgets on model pages and on inlines, each (model, field) once.
AUTOCOMPLETE_FIELDS = sorted(
    {
        (owner.model, name)
        for model in ADMIN_MODELS
        for owner in [admin.site._registry[model], *admin.site._registry[model].inlines]
        for name in owner.autocomplete_fields
    },
    key=lambda pair: (pair[0]._meta.label, pair[1]),
)


@pytest.mark.parametrize(
    "model, field_name", AUTOCOMPLETE_FIELDS, ids=lambda value: getattr(value, "__name__", value)
)
def test_autocomplete_answers_editors(editor_client, content, model, field_name):
    related = model._meta.get_field(field_name).related_model
    target = content[related]
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": model._meta.app_label,
            "model_name": model._meta.model_name,
            "field_name": field_name,
            "term": str(target)[:6],
        },
    )
    assert response.status_code == 200
    assert str(target.pk) in [result["id"] for result in response.json()["results"]]


def test_deleting_a_cited_source_is_refused_politely(editor_client, content):
    source = content[m.Source]
    response = editor_client.post(admin_url(m.Source, "delete", source.pk), {"post": "yes"})
    assert response.status_code == 200
    assert "would require deleting the following protected related objects" in (
        response.content.decode()
    )
    assert m.Source.objects.filter(pk=source.pk).exists()


def test_admin_is_branded_for_editors(editor_client):
    response = editor_client.get(reverse("admin:index"))
    assert b"careerguide editors" in response.content
    assert b"Django administration" not in response.content


class TestListsReadWell:
    def test_salary_list_shows_pay_with_source_and_date(self, editor_client, content):
        undated = f.SalaryFactory(role=content[m.Role], median=98_765, as_of=None)
        response = editor_client.get(admin_url(m.Salary, "changelist"))
        text = response.content.decode()
        assert "$123,456" in text
        assert "$100,000 – $150,000" in text
        assert "Pay Survey: Salaries 2025" in text
        assert "February 2025" in text
        assert "$98,765" in text and str(undated.source) in text
        assert "no date stated" in text

    def test_role_list_shows_median_pay_and_sorts_by_it(self, editor_client, content, committed):
        with committed():
            f.SalaryFactory(role=f.RoleFactory(title="A cheaper role"), median=50_000)
        changelist = admin_url(m.Role, "changelist")
        response = editor_client.get(changelist)
        assert "$123,456" in response.content.decode()

        column = admin.site._registry[m.Role].list_display.index("median_pay_column") + 1
        ordered = editor_client.get(changelist, {"o": str(column)}).context["cl"].result_list
        paid = [role.median_pay for role in ordered if role.median_pay is not None]
        assert paid == [50_000, 123_456]

    def test_outlook_list_shows_figure_with_unit(self, editor_client, content):
        response = editor_client.get(admin_url(m.OutlookStatistic, "changelist"))
        assert "10 percent" in response.content.decode()
        assert "January 2023" in response.content.decode()

    @pytest.mark.parametrize("model", [m.Salary, m.Role, m.RoleSkill, FaqEntry])
    def test_list_queries_do_not_grow_with_rows(
        self, editor_client, content, model, django_assert_max_num_queries
    ):
        url = admin_url(model, "changelist")
        editor_client.get(url)  # warm the session and content-type caches
        with CaptureQueriesContext(connection) as few:
            editor_client.get(url)
        for _ in range(10):
            role = f.RoleFactory()
            f.SalaryFactory(role=role)
            f.RoleSkillFactory(role=role)
            f.FaqEntryFactory(source=f.SourceFactory())
        with django_assert_max_num_queries(len(few)):
            editor_client.get(url)


def current_form_data(response):
    """The POST the change page would send unchanged: main form plus every inline form."""
    forms = [response.context["adminform"].form]
    data = {}
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update({field.html_name: field.value() for field in formset.management_form})
        forms.extend(formset.forms)
    for form in forms:
        for field in form:
            value = field.value()
            if value is None:
                value = ""
            if value is False:
                continue
            if value is True:
                value = "on"
            elif isinstance(value, (list, tuple)):
                value = [str(item) for item in value]
            elif isinstance(value, datetime.date):
                value = value.isoformat()
            else:
                value = str(value)
            data[field.html_name] = value
    return data


class TestBadEditsExplainThemselves:
    """Each bad edit re-shows the form with a plain sentence, and the database is untouched."""

    def post_salary_change(self, client, salary, **changes):
        url = admin_url(m.Salary, "change", salary.pk)
        data = current_form_data(client.get(url))
        data.update(changes)
        return client.post(url, data)

    def assert_refused(self, response, message):
        assert response.status_code == 200
        assert "Please correct the error" in response.content.decode()
        assert message in response.content.decode()

    @pytest.fixture
    def salary(self, content):
        return content[m.Salary]

    def test_unchanged_salary_form_saves(self, editor_client, salary):
        response = self.post_salary_change(editor_client, salary)
        assert response.status_code == 302

    def test_low_above_median_on_salary_page(self, editor_client, salary):
        response = self.post_salary_change(editor_client, salary, low="130000")
        self.assert_refused(response, "The low figure cannot be above the median figure.")
        salary.refresh_from_db()
        assert salary.low == 100_000

    @pytest.mark.parametrize("value", ["-5", "0"])
    def test_pay_not_above_zero(self, editor_client, salary, value):
        response = self.post_salary_change(editor_client, salary, median=value)
        self.assert_refused(response, "Pay must be more than zero.")
        salary.refresh_from_db()
        assert salary.median == 123_456

    @pytest.mark.parametrize("value", ["lots", "12.5", "99999999999999999999"])
    def test_pay_that_is_not_a_whole_number(self, editor_client, salary, value):
        response = self.post_salary_change(editor_client, salary, median=value)
        assert response.status_code == 200
        assert response.context["adminform"].form.errors["median"]
        salary.refresh_from_db()
        assert salary.median == 123_456

    def test_pay_pasted_from_the_source_is_read(self, editor_client, salary):
        response = self.post_salary_change(editor_client, salary, median="$124,000")
        assert response.status_code == 302
        salary.refresh_from_db()
        assert salary.median == 124_000

    def test_salary_without_any_figure(self, editor_client, salary):
        response = self.post_salary_change(
            editor_client, salary, median="", low="", high="", average=""
        )
        self.assert_refused(response, "Enter at least one pay figure.")

    def test_second_salary_from_the_same_source(self, editor_client, salary):
        url = admin_url(m.Salary, "add")
        data = current_form_data(editor_client.get(admin_url(m.Salary, "change", salary.pk)))
        response = editor_client.post(url, data)
        self.assert_refused(response, "This role already has pay figures from that source")
        assert m.Salary.objects.count() == 1

    def test_low_above_median_in_role_page_inline(self, editor_client, content, salary):
        role = content[m.Role]
        url = admin_url(m.Role, "change", role.pk)
        data = current_form_data(editor_client.get(url))
        index = next(
            i
            for i in range(int(data["salaries-TOTAL_FORMS"]))
            if data[f"salaries-{i}-id"] == str(salary.pk)
        )
        data[f"salaries-{index}-low"] = "130000"
        data["title"] = "Renamed Engineer"
        response = editor_client.post(url, data)
        self.assert_refused(response, "The low figure cannot be above the median figure.")
        role.refresh_from_db()
        salary.refresh_from_db()
        assert (role.title, salary.low) == ("Example Engineer", 100_000)

    def test_negative_pay_in_role_page_inline(self, editor_client, content, salary):
        role = content[m.Role]
        url = admin_url(m.Role, "change", role.pk)
        data = current_form_data(editor_client.get(url))
        data["salaries-0-median"] = "-1"
        response = editor_client.post(url, data)
        self.assert_refused(response, "Pay must be more than zero.")
        salary.refresh_from_db()
        assert salary.median == 123_456

    def test_unchanged_role_page_saves(self, editor_client, content):
        role = content[m.Role]
        url = admin_url(m.Role, "change", role.pk)
        data = current_form_data(editor_client.get(url))
        data["summary"] = "A new summary."
        assert editor_client.post(url, data).status_code == 302
        role.refresh_from_db()
        assert role.summary == "A new summary."
        assert role.salaries.count() == 1 and role.role_skills.count() == 1

    def test_duplicate_slug(self, editor_client, content):
        existing = content[m.Role]
        response = editor_client.post(
            admin_url(m.Role, "add"),
            {
                "title": "Another Engineer",
                "slug": existing.slug,
                "is_published": "on",
                "salaries-TOTAL_FORMS": "0",
                "salaries-INITIAL_FORMS": "0",
                "role_skills-TOTAL_FORMS": "0",
                "role_skills-INITIAL_FORMS": "0",
                "alternative_occupations-TOTAL_FORMS": "0",
                "alternative_occupations-INITIAL_FORMS": "0",
            },
        )
        self.assert_refused(response, "This web address (slug) is already used by another Role.")
        assert not m.Role.objects.filter(title="Another Engineer").exists()

    def test_duplicate_skill_on_role_page(self, editor_client, content):
        role, skill = content[m.Role], content[m.Skill]
        url = admin_url(m.Role, "change", role.pk)
        data = current_form_data(editor_client.get(url))
        data.update(
            {
                "role_skills-TOTAL_FORMS": "2",
                "role_skills-1-skill": str(skill.pk),
                "role_skills-1-importance": "2",
                "role_skills-1-role": str(role.pk),
            }
        )
        response = editor_client.post(url, data)
        assert response.status_code == 200
        assert "Please correct the duplicate data for skill" in response.content.decode()
        assert role.role_skills.count() == 1

    def test_source_needs_publisher_or_title(self, editor_client, content):
        source = content[m.Source]
        url = admin_url(m.Source, "change", source.pk)
        data = current_form_data(editor_client.get(url))
        data.update(publisher="", title="")
        response = editor_client.post(url, data)
        self.assert_refused(response, "Give the source a publisher, a title, or both.")
        source.refresh_from_db()
        assert source.publisher == "Pay Survey"

    def test_outlook_value_needs_unit(self, editor_client, content):
        stat = content[m.OutlookStatistic]
        url = admin_url(m.OutlookStatistic, "change", stat.pk)
        data = current_form_data(editor_client.get(url))
        data["unit"] = ""
        response = editor_client.post(url, data)
        self.assert_refused(response, "Say what unit the value is in")
        stat.refresh_from_db()
        assert stat.unit == "percent"


class TestWithTheArticleData:
    def test_role_list_shows_the_article_median(self, editor_client, article_data):
        response = editor_client.get(admin_url(m.Role, "changelist"), {"q": "machine learning"})
        assert "$168,730" in response.content.decode()

    @pytest.mark.parametrize("model", ADMIN_MODELS, ids=lambda model: model._meta.label)
    def test_article_rows_open_and_save_unchanged(self, editor_client, article_data, model):
        obj = model._default_manager.last()
        assert obj is not None, "the article's data has a row of every content model"
        assert editor_client.get(admin_url(model, "changelist")).status_code == 200
        before = model._default_manager.filter(pk=obj.pk).values().get()
        url = admin_url(model, "change", obj.pk)
        response = editor_client.post(url, current_form_data(editor_client.get(url)))
        assert response.status_code == 302, response.context["adminform"].form.errors
        assert model._default_manager.filter(pk=obj.pk).values().get() == before

    def test_machine_learning_engineer_page_lists_its_pay(self, editor_client, article_data):
        role = m.Role.objects.get(slug="machine-learning-engineer")
        response = editor_client.get(admin_url(m.Role, "change", role.pk))
        salaries = next(
            inline.formset
            for inline in response.context["inline_admin_formsets"]
            if inline.formset.prefix == "salaries"
        )
        assert 168_730 in [form.instance.median for form in salaries.forms]
