"""CSV downloads that a spreadsheet opens safely, streamed row by row (the role list's and the
FAQ's exports)."""

import csv

from django.http import HttpResponse, StreamingHttpResponse

# A cell a spreadsheet would read as a formula (or a DDE call) starts with one of these.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def formula_like(text):
    """Whether a spreadsheet may evaluate this text rather than show it. Numbers are kept as
    numbers by their callers (a pay figure is an int, never this text)."""
    return isinstance(text, str) and text.startswith(FORMULA_PREFIXES)


def spreadsheet_safe(value):
    """The cell as text; one that a spreadsheet would evaluate is prefixed with an apostrophe,
    which spreadsheets show as text (OWASP's advice against CSV injection)."""
    text = "" if value is None else str(value)
    if formula_like(text):
        return "'" + text
    return text


class _Echo:
    """csv.writer writes into this and gets the line back, so each row can be streamed."""

    def write(self, value):
        return value


def csv_download(columns, rows, filename):
    """A streamed CSV file: the header, then each row of `rows` (an iterable of cell lists),
    every cell made spreadsheet-safe."""
    writer = csv.writer(_Echo())

    def lines():
        yield writer.writerow(columns)
        for row in rows:
            yield writer.writerow([spreadsheet_safe(cell) for cell in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def invalid_filters(form, what="These filters"):
    """400, plain text: each field's errors on a line, e.g. "pay_min: Enter whole dollars"."""
    lines = [f"{field}: {msg}" for field, messages in form.errors.items() for msg in messages]
    return HttpResponse(
        f"{what} cannot be exported:\n" + "\n".join(lines) + "\n",
        status=400,
        content_type="text/plain; charset=utf-8",
    )
