"""Uploaded spreadsheets (CSV, XLSX) read within limits, and the admin's exports written so no
cell is a live formula. docs/spreadsheet-import.md has the limits and the reasons.

Every limit is checked before the file is parsed, so a refused file costs no memory: the upload's
size, then for an .xlsx (a zip) its members' declared uncompressed sizes, then its rows, counted
by streaming the sheets' XML. Python's zipfile never inflates a member past its declared size,
so the declared sizes bound what openpyxl can read; a member that claims less than it holds
fails its checksum instead.
"""

import csv
import io
import re
import zipfile
from xml.etree.ElementTree import ParseError, iterparse

import openpyxl
import tablib
from django.conf import settings
from import_export.formats.base_formats import CSV, XLSX

from .spreadsheet import spreadsheet_safe

# An .xlsx holds a handful of members; thousands mean something else.
MAX_ZIP_MEMBERS = 200
# No import has more columns than this; cells beyond it are never read.
MAX_COLUMNS = 50
WORKSHEET = re.compile(r"xl/worksheets/[^/]+\.xml")
CELL_COLUMN = re.compile(r"[A-Z]+")


class SpreadsheetRefused(ValueError):
    """The file cannot be imported; the message says why in plain words."""


def megabytes(size):
    return f"{size / (1024 * 1024):,.1f}".removesuffix(".0") + " MB"


def check_size(size):
    limit = settings.SPREADSHEET_IMPORT_MAX_BYTES
    if size > limit:
        raise SpreadsheetRefused(
            f"The file is {megabytes(size)}; an import takes at most {megabytes(limit)}. "
            "Split it into smaller files."
        )


def check_rows(count):
    limit = settings.SPREADSHEET_IMPORT_MAX_ROWS
    if count > limit:
        raise SpreadsheetRefused(
            f"The file has more than {limit:,} rows; an import takes at most {limit:,}. "
            "Split it into smaller files."
        )


def column_number(reference):
    """ "AB12" -> 28."""
    match = CELL_COLUMN.match(reference or "")
    number = 0
    for letter in match.group() if match else "":
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def check_xlsx(data):
    """Refuse an .xlsx whose contents would inflate past the limit, or that has too many rows
    or columns, reading only the zip's directory and streaming the sheets' XML."""
    try:
        book = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise SpreadsheetRefused(
            "This file is not an .xlsx workbook. Save it from the spreadsheet as .xlsx or CSV."
        ) from None
    with book:
        check_members(book)


def check_members(book):
    members = book.infolist()
    inflated = sum(member.file_size for member in members)
    limit = settings.SPREADSHEET_IMPORT_MAX_INFLATED_BYTES
    if len(members) > MAX_ZIP_MEMBERS or inflated > limit:
        raise SpreadsheetRefused(
            f"This workbook unpacks to {megabytes(inflated)} in {len(members)} parts; an "
            f"import takes at most {megabytes(limit)}. Save only the sheet to import, as CSV "
            "or .xlsx, and try again."
        )
    for member in members:
        if WORKSHEET.fullmatch(member.filename):
            rows, columns = count_sheet(book, member)
            # The first row is the header.
            check_rows(rows - 1)
            if columns > MAX_COLUMNS:
                raise SpreadsheetRefused(
                    f"A sheet has {columns} columns; an import has at most {MAX_COLUMNS}."
                )


def count_sheet(book, member):
    """Rows and columns of one sheet as openpyxl would lay them out (a row numbered 1000 makes
    999 rows before it), streamed: only one row's elements are held at a time."""
    rows = columns = 0
    try:
        with book.open(member) as xml:
            for _event, element in iterparse(xml, events=("end",)):
                tag = element.tag.rpartition("}")[2]
                if tag == "c":
                    columns = max(columns, column_number(element.get("r")))
                elif tag == "row":
                    number = element.get("r")
                    rows = max(rows + 1, int(number) if number and number.isdigit() else 0)
                    element.clear()
                    if rows > settings.SPREADSHEET_IMPORT_MAX_ROWS + 1:
                        break
    except (ParseError, zipfile.BadZipFile, EOFError, ValueError, OSError):
        raise SpreadsheetRefused(
            "This workbook is damaged and cannot be read. Save it again from the spreadsheet."
        ) from None
    return rows, columns


def dataset_from_rows(rows, first_line=1):
    """A tablib Dataset: the first row is the header; blank rows are left out; trailing
    unnamed columns with nothing in them are dropped."""
    rows = iter(rows)
    header = [("" if cell is None else str(cell)).strip() for cell in next(rows, [])]
    width = len(header)
    body = []
    for number, row in enumerate(rows, start=first_line + 1):
        cells = list(row)
        if all(cell is None or cell == "" for cell in cells):
            continue
        if len(cells) > width and any(c not in (None, "") for c in cells[width:]):
            raise SpreadsheetRefused(
                f"Row {number} has more cells than the header has columns: name every column."
            )
        body.append((cells + [None] * width)[:width])
    while header and not header[-1] and all(row[len(header) - 1] in (None, "") for row in body):
        header.pop()
        body = [row[: len(header)] for row in body]
    dataset = tablib.Dataset(headers=header)
    for row in body:
        dataset.append(row)
    return dataset


def read_csv(data, encoding):
    check_size(len(data))
    try:
        text = data.decode(encoding) if isinstance(data, bytes) else data
    except UnicodeDecodeError:
        raise SpreadsheetRefused(
            "This CSV file is not UTF-8 text. Save it from the spreadsheet as “CSV UTF-8”."
        ) from None

    def bounded():
        for count, row in enumerate(csv.reader(io.StringIO(text, newline=""))):
            check_rows(count)
            yield row

    try:
        return dataset_from_rows(bounded())
    except csv.Error as error:
        raise SpreadsheetRefused(f"This CSV file cannot be read: {error}.") from None


def read_xlsx(data):
    check_size(len(data))
    check_xlsx(data)
    try:
        # data_only: a formula cell gives the value the spreadsheet last computed, never the
        # formula. read_only streams the sheet instead of building every cell first.
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = book.active
            rows = sheet.iter_rows(
                max_row=settings.SPREADSHEET_IMPORT_MAX_ROWS + 1,
                max_col=MAX_COLUMNS,
                values_only=True,
            )
            return dataset_from_rows(rows)
        finally:
            book.close()
    except SpreadsheetRefused:
        raise
    except Exception:
        # openpyxl reports a damaged part with many exception types (KeyError, TypeError...).
        raise SpreadsheetRefused(
            "This workbook is damaged and cannot be read. Save it again from the spreadsheet."
        ) from None


class FormulaSafeExport:
    """The admin's export writes a cell that a spreadsheet would evaluate ("=HYPERLINK(...)",
    "+cmd|...", "@SUM(...)") with an apostrophe before it, as the site's other CSV exports do:
    it shows as text, in CSV and in XLSX alike (openpyxl writes any text starting with "=" as
    a formula). Numbers stay numbers."""

    def export_data(self, dataset, **kwargs):
        safe = tablib.Dataset(headers=dataset.headers)
        for row in dataset:
            safe.append([spreadsheet_safe(cell) if isinstance(cell, str) else cell for cell in row])
        return super().export_data(safe, **kwargs)


class LimitedCSV(FormulaSafeExport, CSV):
    def create_dataset(self, in_stream, **kwargs):
        if in_stream is None:
            raise SpreadsheetRefused("The uploaded file is no longer there.")
        return read_csv(in_stream, self.encoding or "utf-8-sig")


class LimitedXLSX(FormulaSafeExport, XLSX):
    def create_dataset(self, in_stream):
        if in_stream is None:
            raise SpreadsheetRefused("The uploaded file is no longer there.")
        return read_xlsx(in_stream)
