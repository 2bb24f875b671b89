"""Every admin page an editor uses costs the same number of queries at the article's data and
with 1,000 more roles: no query per row, per role or per figure."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from careers.models import OutlookStatistic, Role, Salary

ROLE = "machine-learning-engineer"


def pages():
    role = Role.objects.get(slug=ROLE)
    salary = Salary.objects.get(role=role, source__slug="article")
    statistic = OutlookStatistic.objects.order_by("pk").first()
    return {
        "index": reverse("admin:index"),
        "to-do": reverse("editors:todo"),
        "role list": reverse("admin:careers_role_changelist"),
        "role list, no description": reverse("admin:careers_role_changelist")
        + "?missing=description",
        "role form": reverse("admin:careers_role_change", args=[role.pk]),
        "role history": reverse("admin:careers_role_history", args=[role.pk]),
        "salary list": reverse("admin:careers_salary_changelist"),
        "salary list, old": reverse("admin:careers_salary_changelist") + "?age=old",
        "salary form": reverse("admin:careers_salary_change", args=[salary.pk]),
        "salary history": reverse("admin:careers_salary_history", args=[salary.pk]),
        "salary revert form": reverse(
            "admin:careers_salary_simple_history",
            args=[salary.pk, salary.history.earliest().history_id],
        ),
        "salary import": reverse("admin:careers_salary_import"),
        "salary export": reverse("admin:careers_salary_export"),
        "source list": reverse("admin:core_source_changelist"),
        "source list, no link": reverse("admin:core_source_changelist") + "?has_url=no",
        "source form": reverse("admin:core_source_change", args=[salary.source_id]),
        "FAQ list": reverse("admin:faq_faqentry_changelist"),
        "outlook list": reverse("admin:careers_outlookstatistic_changelist"),
        "outlook form": reverse("admin:careers_outlookstatistic_change", args=[statistic.pk]),
    }


def count_queries(client, urls):
    counts = {}
    for name, url in urls.items():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        counts[name] = len(queries)
    return counts


@pytest.fixture
def editor_client(client, article_data, monkeypatch):
    monkeypatch.setenv("DJANGO_EDITOR_PASSWORD", "a long editor passphrase")
    call_command("create_editor", "editor", stdout=io.StringIO())
    client.force_login(get_user_model().objects.get(username="editor"))
    return client


def test_admin_pages_are_flat_as_roles_grow(editor_client, committed, capsys):
    urls = pages()
    count_queries(editor_client, urls)  # a first visit also fills per-process caches
    small = count_queries(editor_client, urls)
    with committed():
        call_command("generate_synthetic_roles", 1000, verbosity=0)
    large = count_queries(editor_client, urls)
    with capsys.disabled():
        print("\nadmin queries (article data / +1,000 roles):")
        for name in urls:
            print(f"  {name}: {small[name]} / {large[name]}")
    assert large == small
