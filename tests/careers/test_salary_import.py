"""Salary records from a spreadsheet in the admin: preview, plain-words row errors, all or
nothing, each change in the history; and the export of the same records."""

import csv
import io

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from careers.models import Role, Salary

HEADER = ["role", "source", "median", "average", "low", "high", "currency", "as_of", "basis"]
CSV_FORMAT, XLSX_FORMAT = "0", "1"


@pytest.fixture
def editor_client(client, article_data, monkeypatch):
    monkeypatch.setenv("DJANGO_EDITOR_PASSWORD", "a long editor passphrase")
    call_command("create_editor", "editor", stdout=io.StringIO())
    client.force_login(get_user_model().objects.get(username="editor"))
    return client


def csv_file(*rows, header=HEADER):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return SimpleUploadedFile("pay.csv", out.getvalue().encode(), content_type="text/csv")


def xlsx_file(*rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return SimpleUploadedFile("pay.xlsx", out.getvalue())


def upload(client, file, file_format=CSV_FORMAT):
    return client.post(
        reverse("admin:careers_salary_import"),
        {"import_file": file, "format": file_format, "resource": "0"},
    )


def confirm(client, preview):
    form = preview.context["confirm_form"]
    return client.post(
        reverse("admin:careers_salary_process_import"),
        {name: form.initial.get(name, form[name].value()) for name in form.fields},
    )


def figures():
    return sorted(
        Salary.objects.values_list("role__slug", "source__slug", "median", "low", "high", "as_of")
    )


MLE_NEW = [
    "machine-learning-engineer",
    "article",
    "$171,000",
    "",
    "",
    "",
    "USD",
    "2026-10",
    "median total pay",
]
DS_NEW = [
    "data-scientist",
    "glassdoor",
    "150000",
    "",
    "120000",
    "190000",
    "USD",
    "October 2026",
    "median",
]


def test_preview_shows_every_row_then_applies_all_of_them(editor_client, committed):
    before = figures()
    preview = upload(editor_client, csv_file(MLE_NEW, DS_NEW))
    assert preview.status_code == 200
    result = preview.context["result"]
    assert not result.has_errors() and not result.has_validation_errors()
    assert [row.import_type for row in result.rows] == ["update", "new"]
    assert figures() == before  # the preview changed nothing

    with committed():
        response = confirm(editor_client, preview)
    assert response.status_code == 302
    mle = Salary.objects.get(role__slug="machine-learning-engineer", source__slug="article")
    assert (mle.median, mle.as_of.isoformat(), mle.as_of_precision) == (
        171000,
        "2026-10-01",
        "month",
    )
    ds = Salary.objects.get(role__slug="data-scientist", source__slug="glassdoor")
    assert (ds.median, ds.low, ds.high) == (150000, 120000, 190000)
    # Each imported change is in the history, made by the editor who imported it.
    for salary in (mle, ds):
        newest = salary.history.first()
        assert newest.history_user.username == "editor"
        assert newest.history_change_reason.startswith("Imported from ")
    assert mle.history.first().history_type == "~" and ds.history.first().history_type == "+"
    # The stored median followed, as after an edit by hand.
    assert Role.objects.get(slug="machine-learning-engineer").median_pay == 171000


def test_xlsx_is_read_too(editor_client, committed):
    preview = upload(
        editor_client,
        xlsx_file(
            [
                "machine-learning-engineer",
                "article",
                171000,
                None,
                None,
                None,
                "USD",
                "2026-10",
                "median total pay",
            ]
        ),
        XLSX_FORMAT,
    )
    assert preview.status_code == 200
    assert not preview.context["result"].has_errors()
    assert not preview.context["result"].has_validation_errors()
    with committed():
        confirm(editor_client, preview)
    assert (
        Salary.objects.get(role__slug="machine-learning-engineer", source__slug="article").median
        == 171000
    )


def test_a_bad_file_is_refused_with_reasons_and_changes_nothing(editor_client, committed):
    before = figures()
    history_before = Salary.history.count()
    preview = upload(
        editor_client,
        csv_file(
            MLE_NEW,  # a good row: not applied either
            ["no-such-role", "article", "100000", "", "", "", "USD", "2026-10", ""],
            ["data-scientist", "article", "100000", "", "200000", "150000", "USD", "2026-10", ""],
            ["nlp-scientist", "article", "lots", "", "", "", "USD", "2026-10", ""],
            ["bi-developer", "article", "100000", "", "", "", "USD", "next year", ""],
        ),
    )
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "No role has the web address “no-such-role”." in html
    assert "The low figure cannot be above the high figure." in html
    assert "Enter the pay as a whole number" in html
    assert "Enter the month and year the source gives" in html
    assert "confirm_form" not in preview.context or preview.context["confirm_form"] is None
    assert figures() == before
    assert Salary.history.count() == history_before


def test_a_file_that_is_not_a_spreadsheet_is_a_form_error(editor_client):
    before = figures()
    bogus = SimpleUploadedFile("pay.xlsx", b"\x00\x01 not a workbook")
    response = upload(editor_client, bogus, XLSX_FORMAT)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert figures() == before


@pytest.mark.parametrize("name", ["../../etc/passwd", "/etc/passwd", "0" * 32, "abc", ""])
def test_a_tampered_confirmation_is_refused_and_changes_nothing(editor_client, name):
    before = figures()
    response = editor_client.post(
        reverse("admin:careers_salary_process_import"),
        {
            "import_file_name": name,
            "original_file_name": "pay.csv",
            "format": CSV_FORMAT,
            "resource": "0",
        },
    )
    assert response.status_code == 400
    assert "could not be found" in response.content.decode()
    assert figures() == before


def test_a_confirmation_applies_once(editor_client, committed):
    preview = upload(editor_client, csv_file(MLE_NEW))
    with committed():
        assert confirm(editor_client, preview).status_code == 302
    assert confirm(editor_client, preview).status_code == 400


def test_export_writes_the_records_as_the_import_reads_them(editor_client):
    response = editor_client.post(
        reverse("admin:careers_salary_export"),
        {
            "format": CSV_FORMAT,
            "resource": "0",
            **{f"salaryresource_{name}": "on" for name in HEADER + ["region"]},
        },
    )
    assert response.status_code == 200, response.content[:500]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == Salary.objects.count()
    mle = next(
        r for r in rows if r["role"] == "machine-learning-engineer" and r["source"] == "article"
    )
    assert (mle["median"], mle["as_of"]) == ("168730", "2025-02")
