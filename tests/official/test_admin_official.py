"""Editors map a role to an official occupation in the admin; the official figures themselves
are read-only there (they come from BLS through import_oews)."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from careers.models import Role
from official.models import Area, Occupation, WageEstimate

pytestmark = pytest.mark.usefixtures("official_data")


@pytest.fixture
def editor_client(client, monkeypatch):
    monkeypatch.setenv("DJANGO_EDITOR_PASSWORD", "a long editor passphrase")
    call_command("create_editor", "editor", stdout=io.StringIO())
    client.force_login(get_user_model().objects.get(username="editor"))
    return client


@pytest.mark.parametrize("model", [Occupation, Area, WageEstimate])
def test_editors_may_look_but_not_edit(editor_client, model):
    name = f"admin:official_{model._meta.model_name}"
    response = editor_client.get(reverse(f"{name}_changelist"), {"q": "data"})
    assert response.status_code == 200
    obj = model.objects.first()
    assert editor_client.get(reverse(f"{name}_add")).status_code == 403
    assert editor_client.get(reverse(f"{name}_delete", args=[obj.pk])).status_code == 403
    change = editor_client.post(reverse(f"{name}_change", args=[obj.pk]), {})
    assert change.status_code == 403


def role_form(role, **changes):
    data = {
        "title": role.title,
        "slug": role.slug,
        "is_published": "on",
        "official_occupation": "",
        "official_match": "",
        "salaries-TOTAL_FORMS": "0",
        "salaries-INITIAL_FORMS": "0",
        "role_skills-TOTAL_FORMS": "0",
        "role_skills-INITIAL_FORMS": "0",
        "alternative_occupations-TOTAL_FORMS": "0",
        "alternative_occupations-INITIAL_FORMS": "0",
        # The version the page was opened at (core/stale_forms.py).
        "opened_version": role.version,
    }
    return data | changes


def test_an_editor_maps_a_role_and_a_match_label_is_required(editor_client):
    role = Role.objects.get(slug="computer-engineer")
    url = reverse("admin:careers_role_change", args=[role.pk])
    occupation = Occupation.objects.get(soc_code="15-1252")
    response = editor_client.post(url, role_form(role, official_occupation=occupation.pk))
    assert response.status_code == 200
    assert "Say how close the official occupation is" in response.content.decode()
    role.refresh_from_db()
    assert role.official_occupation is None

    response = editor_client.post(
        url, role_form(role, official_occupation=occupation.pk, official_match="closest")
    )
    assert response.status_code == 302
    role.refresh_from_db()
    assert (role.official_occupation, role.official_match) == (occupation, "closest")


def test_the_occupation_autocomplete_finds_by_code_and_title(editor_client):
    for term in ("15-2051", "scientists"):
        response = editor_client.get(
            reverse("admin:autocomplete"),
            {
                "app_label": "careers",
                "model_name": "role",
                "field_name": "official_occupation",
                "term": term,
            },
        )
        assert response.status_code == 200
        texts = [result["text"] for result in response.json()["results"]]
        assert "Data Scientists (SOC 15-2051)" in texts
