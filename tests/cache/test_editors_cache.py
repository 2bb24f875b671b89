"""The editors' workflow and the page cache: a revert shows on the next request, and a figure
that grows old is flagged from the first request of the day it does."""

import datetime

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from careers.models import Salary

from .forms import as_post_data, form_fields
from .test_invalidation import ONE_SALARY_ROLE, admin_save, fresh, warm

pytestmark = pytest.mark.django_db(transaction=True)

PAGE = f"/careers/{ONE_SALARY_ROLE}/"


@pytest.fixture
def site(page_cache_on):
    call_command("load_initial_data", verbosity=0)
    return page_cache_on


def test_a_revert_in_the_admin_shows_on_the_next_request(site, editor_client):
    salary = Salary.objects.get(role__slug=ONE_SALARY_ROLE)
    original = f"{salary.median:,}"
    admin_save(editor_client, salary, {"median": "201234"})
    warm(PAGE)
    assert "201,234" in Client().get(PAGE).content.decode()

    first = salary.history.earliest()
    url = reverse("admin:careers_salary_simple_history", args=[salary.pk, first.history_id])
    form = editor_client.get(url)
    assert form.status_code == 200
    # The revert page is the change form, named after the historical model.
    fields = form_fields(form.content.decode(), "historicalsalary_form")
    assert ("median", "201234") not in fields
    response = editor_client.post(url, as_post_data(fields, {}))
    assert response.status_code == 302, response.content.decode()[:2000]

    page = fresh(PAGE)
    assert original in page and "201,234" not in page
    assert salary.history.first().history_change_reason.startswith("Reverted")


def test_a_figure_is_flagged_from_the_first_request_of_the_day_it_grows_old(site, monkeypatch):
    """February 2025 is more than twelve months old from 2 February 2026. A page cached on
    1 February is not served on the 2nd: the date is part of the page's key."""
    notice = "more than a year old"
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: datetime.date(2026, 2, 1))
    warm(PAGE)
    assert notice not in Client().get(PAGE).content.decode()
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: datetime.date(2026, 2, 2))
    assert notice in fresh(PAGE)
