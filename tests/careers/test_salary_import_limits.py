"""The salary import's hardening (issue 16, "Imports"): the confirmation re-validates and saves
all or nothing; size, inflated-size and row limits refuse a file before it is parsed; columns
are checked as a form error; uploads are kept only while they wait; the shared cache down is a
clear page; formula-like text is refused on import and exported as text."""

import csv
import io
import socket
import zipfile

import openpyxl
import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from careers.models import Role, Salary, Source
from core import spreadsheet_files
from core.spreadsheet_admin import UploadStorage
from tests.careers import test_salary_import
from tests.careers.test_salary_import import (
    CSV_FORMAT,
    DS_NEW,
    HEADER,
    MLE_NEW,
    XLSX_FORMAT,
    confirm,
    csv_file,
    figures,
    upload,
    xlsx_file,
)

PREFIX = UploadStorage.CACHE_PREFIX
editor_client = test_salary_import.editor_client  # the fixture


def confirmable(response):
    return response.context.get("confirm_form") is not None


@pytest.fixture
def stored(monkeypatch):
    """The names and lifetimes of the uploads written to the shared cache."""
    written = {}
    original = cache.set

    def recording_set(key, value, timeout=None, *args, **kwargs):
        if key.startswith(PREFIX):
            written[key] = timeout
        return original(key, value, timeout, *args, **kwargs)

    monkeypatch.setattr(cache, "set", recording_set)
    return written


@pytest.fixture
def openpyxl_never_loads(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("openpyxl was asked to load a file the limits refuse")

    monkeypatch.setattr(spreadsheet_files.openpyxl, "load_workbook", refuse)


def form_errors(response):
    assert response.status_code == 200
    return " ".join(response.context["form"].errors.get("import_file", []))


def assert_no_traceback(response):
    html = response.content.decode()
    assert "Traceback" not in html
    assert 'File "' not in html


def nothing_kept(written):
    return all(cache.get(key) is None for key in written)


# --- The confirmation: every row again, all or nothing ------------------------------------


def test_a_role_deleted_before_the_confirmation_saves_nothing(editor_client, stored, committed):
    preview = upload(editor_client, csv_file(MLE_NEW, DS_NEW))
    assert confirmable(preview)
    before = figures()
    history_before = Salary.history.count()

    Role.objects.get(slug="data-scientist").delete()
    before = [row for row in before if row[0] != "data-scientist"]
    history_before = Salary.history.count()

    with committed():
        response = confirm(editor_client, preview)
    assert response.status_code == 409
    html = response.content.decode()
    assert "Nothing was imported" in html
    assert "No role has the web address “data-scientist”." in html
    # The other row, valid on its own, was not saved either.
    assert figures() == before
    assert Salary.history.count() == history_before
    mle = Salary.objects.get(role__slug="machine-learning-engineer", source__slug="article")
    assert mle.median == 168730
    # The refused upload is gone: confirming again finds nothing.
    assert nothing_kept(stored)
    assert confirm(editor_client, preview).status_code == 400


def test_a_source_renamed_before_the_confirmation_saves_nothing(editor_client, committed):
    preview = upload(editor_client, csv_file(MLE_NEW, DS_NEW))
    Source.objects.filter(slug="glassdoor").update(slug="glassdoor-2026")
    before = figures()
    with committed():
        response = confirm(editor_client, preview)
    assert response.status_code == 409
    assert "No source has the web address “glassdoor”." in response.content.decode()
    assert figures() == before


# --- Limits, before the file is parsed --------------------------------------------------


def inflating_xlsx(inflated_bytes):
    """A workbook whose one shared string inflates to `inflated_bytes`: small on disk."""
    out = io.BytesIO()
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rels = "http://schemas.openxmlformats.org/package/2006/relationships"
    office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as book:
        book.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        )
        book.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{rels}"><Relationship Id="rId1" '
            f'Type="{office}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        book.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{main}" xmlns:r="{office}"><sheets>'
            '<sheet name="pay" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        book.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{rels}">'
            f'<Relationship Id="rId1" Type="{office}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{office}/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>",
        )
        book.writestr(
            "xl/worksheets/sheet1.xml",
            f'<worksheet xmlns="{main}"><sheetData>'
            '<row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>',
        )
        with book.open("xl/sharedStrings.xml", "w", force_zip64=True) as strings:
            strings.write(f'<sst xmlns="{main}" count="1" uniqueCount="1"><si><t>'.encode())
            chunk = b"A" * (1024 * 1024)
            for _ in range(inflated_bytes // len(chunk)):
                strings.write(chunk)
            strings.write(b"</t></si></sst>")
    return out.getvalue()


@pytest.mark.usefixtures("openpyxl_never_loads")
def test_an_inflating_xlsx_is_refused_without_being_loaded(editor_client, settings, stored):
    data = inflating_xlsx(100 * 1024 * 1024)
    assert len(data) < settings.SPREADSHEET_IMPORT_MAX_BYTES  # small on disk
    before = figures()
    response = upload(editor_client, SimpleUploadedFile("pay.xlsx", data), XLSX_FORMAT)
    error = form_errors(response)
    assert "This workbook unpacks to 100 MB" in error
    assert "at most 10 MB" in error
    assert stored == {}  # refused before it was stored
    assert figures() == before


@pytest.mark.usefixtures("openpyxl_never_loads")
def test_an_xlsx_whose_member_claims_less_than_it_holds_is_refused(editor_client, settings):
    # The declared size is what zipfile inflates at most: a member that lies about it fails
    # its checksum while the rows are counted, before openpyxl sees it.
    data = bytearray(inflating_xlsx(0))
    book = zipfile.ZipFile(io.BytesIO(bytes(data)))
    sheet = book.getinfo("xl/worksheets/sheet1.xml")
    declared = sheet.file_size.to_bytes(4, "little")
    # Halve the sheet's declared size in its local header and in the central directory.
    smaller = (sheet.file_size // 2).to_bytes(4, "little")
    for offset in (sheet.header_offset + 22, data.rindex(declared)):
        assert data[offset : offset + 4] == declared
        data[offset : offset + 4] = smaller
    response = upload(editor_client, SimpleUploadedFile("pay.xlsx", bytes(data)), XLSX_FORMAT)
    assert "damaged" in form_errors(response)


@pytest.mark.usefixtures("openpyxl_never_loads")
def test_an_xlsx_with_a_row_far_down_is_refused_before_it_is_loaded(editor_client, settings):
    # openpyxl fills the rows before a row numbered 1,000,000 with empty ones.
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    book.active.cell(row=1_000_000, column=1, value="machine-learning-engineer")
    out = io.BytesIO()
    book.save(out)
    response = upload(editor_client, SimpleUploadedFile("pay.xlsx", out.getvalue()), XLSX_FORMAT)
    assert "more than 500 rows" in form_errors(response)


def test_too_many_rows_are_refused_in_either_format(editor_client, settings, stored):
    settings.SPREADSHEET_IMPORT_MAX_ROWS = 3
    rows = [MLE_NEW, DS_NEW, MLE_NEW, DS_NEW]
    for file, file_format in ((csv_file(*rows), CSV_FORMAT), (xlsx_file(*rows), XLSX_FORMAT)):
        response = upload(editor_client, file, file_format)
        assert "more than 3 rows" in form_errors(response)
    assert stored == {}


def test_as_many_rows_as_the_limit_are_read(editor_client, settings):
    settings.SPREADSHEET_IMPORT_MAX_ROWS = 2
    response = upload(editor_client, csv_file(MLE_NEW, DS_NEW))
    assert confirmable(response)


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(editor_client, settings, stored):
    settings.SPREADSHEET_IMPORT_MAX_BYTES = 200
    file = csv_file(MLE_NEW, DS_NEW)
    assert file.size > 200
    response = upload(editor_client, file)
    assert "an import takes at most" in form_errors(response)
    assert stored == {}


def test_a_cell_too_long_for_csv_is_a_form_error(editor_client):
    file = csv_file([*MLE_NEW[:8], "x" * 200_000])
    assert "cannot be read" in form_errors(upload(editor_client, file))


# --- Columns ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header, message",
    [
        ([c for c in HEADER if c != "role"], "missing columns: role"),
        ([c for c in HEADER if c not in ("role", "source")], "missing columns: role, source"),
        ([c for c in HEADER if c != "as_of"], "missing columns: as_of"),
        (HEADER + ["salary"], "unknown columns: salary"),
        (["Role", *HEADER[1:]], "unknown columns: Role"),
        (HEADER + ["basis"], "more than one column named basis"),
        (HEADER + ["", "x"], "a column with no name"),
    ],
)
def test_missing_or_unknown_columns_are_a_form_error(editor_client, stored, header, message):
    rows = [[*MLE_NEW, "", ""][: len(header)]]
    response = upload(editor_client, csv_file(*rows, header=header))
    assert message in form_errors(response)
    assert_no_traceback(response)
    assert stored == {}


def test_basis_and_region_may_be_left_out(editor_client):
    header = [c for c in HEADER if c != "basis"]
    row = [cell for name, cell in zip(HEADER, MLE_NEW, strict=True) if name != "basis"]
    response = upload(editor_client, csv_file(row, header=header))
    assert confirmable(response)


def test_a_header_without_rows_is_a_form_error(editor_client):
    assert "no rows to import" in form_errors(upload(editor_client, csv_file()))


# --- Keeping uploads ----------------------------------------------------------------------


def test_an_upload_waits_minutes_and_is_gone_once_confirmed(
    editor_client, settings, stored, committed
):
    preview = upload(editor_client, csv_file(MLE_NEW))
    assert list(stored.values()) == [settings.SPREADSHEET_IMPORT_KEEP_SECONDS]
    assert settings.SPREADSHEET_IMPORT_KEEP_SECONDS <= 15 * 60
    with committed():
        assert confirm(editor_client, preview).status_code == 302
    assert nothing_kept(stored)


def test_a_file_with_refused_rows_is_not_kept(editor_client, stored):
    response = upload(
        editor_client,
        csv_file(["no-such-role", "article", "1", "", "", "", "USD", "2026-10", ""]),
    )
    assert response.context["result"].has_validation_errors()
    assert stored  # it was stored for the dry run...
    assert nothing_kept(stored)  # ...and deleted with the refusal


# --- The shared cache down ----------------------------------------------------------------


@pytest.fixture
def cache_down(settings):
    """Point the cache at a port nothing listens on."""

    def down():
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        settings.CACHES = {
            "default": {
                "BACKEND": "django_redis.cache.RedisCache",
                "LOCATION": f"redis://127.0.0.1:{port}/9",
                "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.25},
            }
        }

    return down


def test_the_preview_with_the_cache_down_is_a_clear_503(editor_client, cache_down):
    cache_down()
    before = figures()
    response = upload(editor_client, csv_file(MLE_NEW))
    assert response.status_code == 503
    assert "the shared cache, where an upload waits" in response.content.decode()
    assert response["Retry-After"]
    assert_no_traceback(response)
    assert figures() == before


def test_the_confirmation_with_the_cache_down_is_a_clear_503(editor_client, cache_down):
    preview = upload(editor_client, csv_file(MLE_NEW))
    before = figures()
    cache_down()
    response = confirm(editor_client, preview)
    assert response.status_code == 503
    assert "Nothing was saved" in response.content.decode()
    assert figures() == before


# --- Formula-like cells -------------------------------------------------------------------

FORMULAS = [
    '=HYPERLINK("http://example.com/x","pay")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
    "'=1+1",  # our own export's escape of one
]


@pytest.mark.parametrize("text", FORMULAS)
@pytest.mark.parametrize("column", ["basis", "region"])
def test_formula_like_text_is_refused_on_import(editor_client, text, column):
    header = [*HEADER, "region"]
    row = [*MLE_NEW, ""]
    row[header.index(column)] = text
    before = figures()
    response = upload(editor_client, csv_file(row, header=header))
    result = response.context["result"]
    assert result.has_validation_errors()
    assert "would run as a formula" in response.content.decode()
    assert not confirmable(response)
    assert figures() == before


def test_formula_like_text_in_an_xlsx_text_cell_is_refused(editor_client):
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    book.active.append([*MLE_NEW[:8], "x"])
    cell = book.active.cell(row=2, column=HEADER.index("basis") + 1)
    cell.value, cell.data_type = '=HYPERLINK("http://example.com","pay")', "s"
    out = io.BytesIO()
    book.save(out)
    response = upload(editor_client, SimpleUploadedFile("pay.xlsx", out.getvalue()), XLSX_FORMAT)
    assert "would run as a formula" in response.content.decode()


def test_a_negative_number_is_judged_as_pay_not_as_a_formula(editor_client):
    row = list(MLE_NEW)
    row[HEADER.index("median")] = "-5"
    html = upload(editor_client, csv_file(row)).content.decode()
    assert "Pay must be more than zero." in html
    assert "formula" not in html


@pytest.fixture
def formula_like_record(article_data):
    # A record typed by hand before imports refused such text.
    salary = Salary.objects.get(role__slug="machine-learning-engineer", source__slug="article")
    Salary.objects.filter(pk=salary.pk).update(basis='=HYPERLINK("http://x","y")', region="@SUM(1)")
    return salary


def export(client, file_format):
    return client.post(
        reverse("admin:careers_salary_export"),
        {
            "format": file_format,
            "resource": "0",
            **{f"salaryresource_{name}": "on" for name in HEADER + ["region"]},
        },
    )


@pytest.mark.usefixtures("formula_like_record")
def test_the_csv_export_writes_formula_like_text_as_text(editor_client):
    response = export(editor_client, CSV_FORMAT)
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    mle = next(
        r for r in rows if r["role"] == "machine-learning-engineer" and r["source"] == "article"
    )
    assert mle["basis"] == '\'=HYPERLINK("http://x","y")'
    assert mle["region"] == "'@SUM(1)"
    assert mle["median"] == "168730"
    assert not any(value.startswith(("=", "+", "@")) for row in rows for value in row.values())


@pytest.mark.usefixtures("formula_like_record")
def test_the_xlsx_export_writes_formula_like_text_as_text(editor_client):
    response = export(editor_client, XLSX_FORMAT)
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    values = [cell.value for cell in cells]
    assert '\'=HYPERLINK("http://x","y")' in values
    assert "'@SUM(1)" in values
    assert 168730 in values  # numbers stay numbers
