"""Issue 19 item 1: editors write a role's reason and its alternative occupations on the role's
admin page (inline, at most three), with history, and never save over another editor's change."""

import pytest
from django.test import Client

from careers.models import MAX_ALTERNATIVES, Role, RoleOccupation
from official.models import Occupation

from .test_stale_edits import STALE, admin_url, current_form_data, form_errors, make_editor

PREFIX = "alternative_occupations"


@pytest.fixture
def editors(article_data, monkeypatch):
    """Two editors' browsers, each signed in as a different editor."""
    clients = []
    for name in ("ada", "grace"):
        browser = Client()
        browser.force_login(make_editor(name, monkeypatch))
        clients.append(browser)
    return clients


def rows(data):
    return int(data[f"{PREFIX}-TOTAL_FORMS"])


def add_row(data, occupation, order, reason=""):
    index = rows(data)
    return data | {
        f"{PREFIX}-TOTAL_FORMS": str(index + 1),
        f"{PREFIX}-{index}-occupation": str(occupation.pk),
        f"{PREFIX}-{index}-order": str(order),
        f"{PREFIX}-{index}-reason": reason,
    }


def row_of(data, alternative):
    """The inline index of an existing alternative in the form data."""
    return next(
        key.split("-")[1]
        for key, value in data.items()
        if key.startswith(f"{PREFIX}-")
        and key.endswith("-id")
        and str(value) == str(alternative.pk)
    )


def test_an_editor_adds_an_alternative_and_edits_the_reason(editors):
    ada, _ = editors
    role = Role.objects.get(slug="software-engineer")
    url = admin_url(Role, "change", role.pk)
    page = ada.get(url)
    assert page.status_code == 200
    data = current_form_data(page)
    assert rows(data) == 1  # 15-1251, from the fixtures
    web = Occupation.objects.get(soc_code="15-1254")
    data = add_row(data, web, 2, "They create and maintain websites (BLS).")
    data["official_reason"] = "A new reason."
    response = ada.post(url, data)
    assert response.status_code == 302, form_errors(response)
    role.refresh_from_db()
    assert role.official_reason == "A new reason."
    added = RoleOccupation.objects.get(role=role, occupation=web)
    assert added.reason == "They create and maintain websites (BLS)."
    # History, like every content model: who added it.
    assert added.history.get().history_user.username == "ada"

    # Edit it in place.
    data = current_form_data(ada.get(url))
    data[f"{PREFIX}-{row_of(data, added)}-reason"] = "Websites only."
    assert ada.post(url, data).status_code == 302
    added.refresh_from_db()
    assert added.reason == "Websites only." and added.history.count() == 2


def test_a_fourth_alternative_is_refused(editors):
    ada, _ = editors
    role = Role.objects.get(slug="machine-learning-engineer")  # two from the fixtures
    url = admin_url(Role, "change", role.pk)
    data = current_form_data(ada.get(url))
    assert rows(data) == 2
    data = add_row(data, Occupation.objects.get(soc_code="15-1251"), 3)
    assert ada.post(url, data).status_code == 302
    assert role.alternative_occupations.count() == MAX_ALTERNATIVES

    data = current_form_data(ada.get(url))
    data = add_row(data, Occupation.objects.get(soc_code="15-2041"), 4)
    response = ada.post(url, data)
    assert response.status_code == 200
    assert f"at most {MAX_ALTERNATIVES}" in form_errors(response)
    assert role.alternative_occupations.count() == MAX_ALTERNATIVES
    # The page offers no empty row past the limit.
    formset = next(
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix == PREFIX
    )
    assert formset.max_num == MAX_ALTERNATIVES


def test_a_full_list_can_swap_one_alternative_for_another_in_one_save(editors):
    ada, _ = editors
    role = Role.objects.get(slug="machine-learning-engineer")  # two from the fixtures
    url = admin_url(Role, "change", role.pk)
    data = add_row(current_form_data(ada.get(url)), Occupation.objects.get(soc_code="15-1251"), 3)
    assert ada.post(url, data).status_code == 302
    dropped = role.alternative_occupations.get(occupation__soc_code="15-1251")
    data = current_form_data(ada.get(url))
    data[f"{PREFIX}-{row_of(data, dropped)}-DELETE"] = "on"
    data = add_row(data, Occupation.objects.get(soc_code="15-2041"), 3)
    response = ada.post(url, data)
    assert response.status_code == 302, form_errors(response)
    codes = set(role.alternative_occupations.values_list("occupation__soc_code", flat=True))
    assert "15-1251" not in codes and "15-2041" in codes
    assert len(codes) == MAX_ALTERNATIVES


def test_the_roles_own_occupation_is_not_an_alternative(editors):
    ada, _ = editors
    role = Role.objects.get(slug="software-engineer")
    url = admin_url(Role, "change", role.pk)
    data = add_row(current_form_data(ada.get(url)), role.official_occupation, 2)
    response = ada.post(url, data)
    assert response.status_code == 200
    assert "the role's own official occupation" in str(
        next(
            inline.formset.errors
            for inline in response.context["inline_admin_formsets"]
            if inline.formset.prefix == PREFIX
        )
    )
    assert not role.alternative_occupations.filter(occupation=role.official_occupation).exists()


def test_a_stale_alternative_refuses_the_whole_role_page(editors, committed):
    ada, grace = editors
    role = Role.objects.get(slug="computer-engineer")
    alternative = role.alternative_occupations.get(occupation__soc_code="17-2061")
    url = admin_url(Role, "change", role.pk)
    grace_form = current_form_data(grace.get(url))
    with committed():
        ada_form = current_form_data(ada.get(url))
        ada_form[f"{PREFIX}-{row_of(ada_form, alternative)}-reason"] = "Ada's reason."
        assert ada.post(url, ada_form).status_code == 302
        grace_form[f"{PREFIX}-{row_of(grace_form, alternative)}-reason"] = "Grace's reason."
        response = grace.post(url, grace_form)

    assert response.status_code == 200
    message = form_errors(response)
    assert STALE in message and "ada" in message
    alternative.refresh_from_db()
    assert alternative.reason == "Ada's reason."


def test_a_stale_alternative_cannot_be_deleted(editors):
    ada, grace = editors
    role = Role.objects.get(slug="computer-engineer")
    alternative = role.alternative_occupations.get(occupation__soc_code="15-1252")
    url = admin_url(Role, "change", role.pk)
    grace_form = current_form_data(grace.get(url))
    ada_form = current_form_data(ada.get(url))
    ada_form[f"{PREFIX}-{row_of(ada_form, alternative)}-reason"] = "Changed by Ada."
    assert ada.post(url, ada_form).status_code == 302

    grace_form[f"{PREFIX}-{row_of(grace_form, alternative)}-DELETE"] = "on"
    response = grace.post(url, grace_form)
    assert response.status_code == 200
    assert STALE in form_errors(response)
    assert RoleOccupation.objects.filter(pk=alternative.pk, reason="Changed by Ada.").exists()
