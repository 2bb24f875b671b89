"""Hand-made POSTs an editor's browser would never send still get a form error, never a 500."""

import pytest
from django.contrib import admin
from django.db import models

from careers import models as m
from tests.careers import test_admin
from tests.careers.test_admin import admin_url, current_form_data

# The editor login and one linked row of every model, shared with the admin's own tests.
editor = test_admin.editor
editor_client = test_admin.editor_client
content = test_admin.content

# Ids no row can have: words, negatives, decimals, past the 64-bit range (SQLite raised
# OverflowError on these), a NUL character, and a Devanagari digit one that int() reads as 1.
BAD_IDS = ["abc", "-1", "1.5", "99999999999999999999999", "9223372036854775808", "\x00", "१"]


def model_field_id(value):
    model, name = value
    return f"{model._meta.model_name}.{name}"


AUTOCOMPLETE_FIELDS = sorted(
    (
        (model, name)
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label in ("core", "careers", "faq")
        for name in model_admin.autocomplete_fields
    ),
    key=model_field_id,
)
MANY_TO_MANY_FIELDS = [
    (model, name) for model, name in AUTOCOMPLETE_FIELDS if model._meta.get_field(name).many_to_many
]


def add_page_data(client, row):
    """What the add page needs to save a copy of row: its change form with unique text changed."""
    data = current_form_data(client.get(admin_url(type(row), "change", row.pk)))
    for field in type(row)._meta.fields:
        if not field.unique or field.name not in data or field.primary_key:
            continue
        if isinstance(field, models.IntegerField):
            data[field.name] = str(int(data[field.name]) + 1000)
        else:
            data[field.name] += "-copy"
    # Salary and RoleSkill allow one row per role and source/skill; the copy goes to another role.
    if "role" in data:
        data["role"] = str(m.Role.objects.get(title="Example Lead").pk)
    # A step holds one passage at each position: the copy takes a free one.
    if "step" in data and "order" in data:
        data["order"] = str(int(data["order"]) + 1000)
    # The add page has no existing inline rows to edit.
    prefixes = [
        key.removesuffix("-INITIAL_FORMS") for key in data if key.endswith("-INITIAL_FORMS")
    ]
    for prefix in prefixes:
        for key in [key for key in data if key.startswith(f"{prefix}-")]:
            del data[key]
        data.update({f"{prefix}-{part}_FORMS": "0" for part in ("INITIAL", "TOTAL")})
    return data


def form_errors(response):
    assert response.status_code == 200
    return response.context["adminform"].form.errors


@pytest.mark.parametrize(
    ("model", "name"),
    AUTOCOMPLETE_FIELDS,
    ids=[model_field_id(pair) for pair in AUTOCOMPLETE_FIELDS],
)
class TestBadIdInAutocompleteField:
    def test_the_copy_saves_when_the_id_is_good(self, editor_client, content, model, name):
        data = add_page_data(editor_client, content[model])
        before = model.objects.count()
        response = editor_client.post(admin_url(model, "add"), data)
        assert response.status_code == 302, response.context["adminform"].form.errors
        assert model.objects.count() == before + 1

    @pytest.mark.parametrize("bad", BAD_IDS, ids=ascii)
    def test_bad_id_is_a_form_error(self, editor_client, content, model, name, bad):
        data = add_page_data(editor_client, content[model])
        data[name] = [bad] if isinstance(data[name], list) else bad
        before = model.objects.count()
        response = editor_client.post(admin_url(model, "add"), data)
        assert name in form_errors(response)
        assert "Please correct the error" in response.content.decode()
        assert "\x00" not in response.content.decode()
        assert model.objects.count() == before


@pytest.mark.parametrize(
    ("model", "name"),
    MANY_TO_MANY_FIELDS,
    ids=[model_field_id(pair) for pair in MANY_TO_MANY_FIELDS],
)
def test_bad_id_beside_a_good_one(editor_client, content, model, name):
    data = add_page_data(editor_client, content[model])
    assert data[name], "the fixture row links at least one"
    data[name] = [*data[name], "99999999999999999999999"]
    before = model.objects.count()
    response = editor_client.post(admin_url(model, "add"), data)
    assert name in form_errors(response)
    assert model.objects.count() == before


class TestRolePageInlines:
    @pytest.mark.parametrize(
        ("prefix", "name", "extra"),
        [
            ("salaries", "source", {"median": "100000"}),
            ("role_skills", "skill", {"importance": "1"}),
        ],
    )
    @pytest.mark.parametrize("bad", BAD_IDS, ids=ascii)
    def test_bad_id_in_an_inline_row(self, editor_client, content, prefix, name, extra, bad):
        data = add_page_data(editor_client, content[m.Role])
        data[f"{prefix}-TOTAL_FORMS"] = "1"
        data[f"{prefix}-0-{name}"] = bad
        data.update({f"{prefix}-0-{key}": value for key, value in extra.items()})
        before = (m.Role.objects.count(), m.Salary.objects.count(), m.RoleSkill.objects.count())
        response = editor_client.post(admin_url(m.Role, "add"), data)
        assert response.status_code == 200
        formset = next(
            inline.formset
            for inline in response.context["inline_admin_formsets"]
            if inline.formset.prefix == prefix
        )
        assert name in formset.forms[0].errors
        after = (m.Role.objects.count(), m.Salary.objects.count(), m.RoleSkill.objects.count())
        assert after == before


class TestRoleIsNotItsOwnNextStep:
    def test_refused_with_a_plain_sentence(self, editor_client, content):
        role = content[m.Role]
        url = admin_url(m.Role, "change", role.pk)
        data = current_form_data(editor_client.get(url))
        next_before = set(role.next_roles.all())
        data["next_roles"] = [*data["next_roles"], str(role.pk)]
        data["summary"] = "Not saved."
        response = editor_client.post(url, data)
        assert form_errors(response)["next_roles"] == ["A role cannot be its own next step."]
        role.refresh_from_db()
        assert role.summary != "Not saved."
        assert set(role.next_roles.all()) == next_before

    def test_other_next_steps_still_save(self, editor_client, content):
        role = content[m.Role]
        other = m.Role.objects.create(title="Example Director", slug="example-director")
        url = admin_url(m.Role, "change", role.pk)
        data = current_form_data(editor_client.get(url))
        data["next_roles"] = [*data["next_roles"], str(other.pk)]
        assert editor_client.post(url, data).status_code == 302
        assert other in role.next_roles.all()


class TestPayDigits:
    @pytest.fixture
    def salary(self, content):
        return content[m.Salary]

    def post_median(self, client, salary, median):
        url = admin_url(m.Salary, "change", salary.pk)
        data = current_form_data(client.get(url))
        data["median"] = median
        return client.post(url, data)

    @pytest.mark.parametrize("median", ["१२३४५६", "$१२३,४५६", "１２３４５６", "١٢٣٤٥٦"])
    def test_digits_from_other_scripts_are_refused(self, editor_client, salary, median):
        response = self.post_median(editor_client, salary, median)
        assert form_errors(response)["median"] == [
            "Type the pay with the digits 0 to 9, for example 168730 or $168,730."
        ]
        salary.refresh_from_db()
        assert salary.median == 123_456

    @pytest.mark.parametrize("median", ["12e4", "+120000", "120 000", "\x00"])
    def test_other_shapes_are_refused(self, editor_client, salary, median):
        response = self.post_median(editor_client, salary, median)
        assert "median" in form_errors(response)
        salary.refresh_from_db()
        assert salary.median == 123_456

    @pytest.mark.parametrize("median", ["$124,000", "124000", " 124,000 ", "124000.00"])
    def test_ascii_pay_is_still_read(self, editor_client, salary, median):
        assert self.post_median(editor_client, salary, median).status_code == 302
        salary.refresh_from_db()
        assert salary.median == 124_000


# "-1" reads as an id (it matches nothing, which Django handles); these cannot be read at all.
UNREADABLE_IDS = [bad for bad in BAD_IDS if bad != "-1"]
ADMIN_MODELS = sorted(
    (
        model
        for model in admin.site._registry
        if model._meta.app_label in ("core", "careers", "faq")
    ),
    key=lambda model: model._meta.label,
)


@pytest.mark.parametrize("model", ADMIN_MODELS, ids=lambda model: model._meta.label)
@pytest.mark.parametrize("bad", UNREADABLE_IDS, ids=ascii)
def test_a_bulk_action_on_unreadable_ids_changes_nothing(editor_client, content, model, bad):
    before = model.objects.count()
    response = editor_client.post(
        admin_url(model, "changelist"),
        {"action": "delete_selected", "_selected_action": [bad], "index": "0"},
    )
    assert response.status_code == 302
    assert model.objects.count() == before
    page = editor_client.get(response["Location"])
    assert "could not be read, so nothing was changed" in page.content.decode()


@pytest.mark.parametrize(
    "param", ["stage__id__exact", "next_roles__id__exact", "hiring_companies", "median_pay__gte"]
)
@pytest.mark.parametrize("bad", UNREADABLE_IDS, ids=ascii)
def test_a_list_filter_no_row_can_match_is_refused_not_a_500(editor_client, content, param, bad):
    response = editor_client.get(admin_url(m.Role, "changelist"), {param: bad})
    # Django's answer to an incorrect lookup: back to the unfiltered list, flagged ?e=1.
    assert response.status_code == 302
    assert response["Location"].endswith("?e=1")


def test_readable_list_filters_still_filter(editor_client, content):
    stage = m.CareerStage.objects.get()
    response = editor_client.get(admin_url(m.Role, "changelist"), {"stage__id__exact": stage.pk})
    assert response.status_code == 200
    assert response.context["cl"].result_count == m.Role.objects.filter(stage=stage).count()
    empty = editor_client.get(admin_url(m.Role, "changelist"), {"stage__isnull": "True"})
    assert empty.status_code == 200
