"""What every dated figure's admin shares: how old it is, and an as-of date typed as the
source gives it ("February 2025", "2023")."""

import datetime
import re

from django import forms
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError

from careers.models import AsOfPrecision
from careers.models.base import stale_cutoff
from core.age import age_words

MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (
        datetime.date(2000, number, 1).strftime("%B"),
        datetime.date(2000, number, 1).strftime("%b"),
    )
}
YEAR_MONTH = re.compile(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", re.ASCII)
MONTH_NAME_YEAR = re.compile(r"([A-Za-z]+)\.?\s+(\d{4})", re.ASCII)
MONTH_SLASH_YEAR = re.compile(r"(\d{1,2})/(\d{4})", re.ASCII)
YEAR = re.compile(r"\d{4}", re.ASCII)


def old_figures_label():
    return f"More than {age_words(settings.CAREERGUIDE_STALE_AFTER_MONTHS)} old"


class FigureAgeFilter(admin.SimpleListFilter):
    """Figures past CAREERGUIDE_STALE_AFTER_MONTHS, the recent ones, and the undated ones."""

    title = "age of the figure"
    parameter_name = "age"

    def lookups(self, request, model_admin):
        return [
            ("old", old_figures_label()),
            ("recent", "Recent enough"),
            ("undated", "No date stated"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "old":
            return queryset.filter(as_of__lt=stale_cutoff())
        if self.value() == "recent":
            return queryset.filter(as_of__gte=stale_cutoff())
        if self.value() == "undated":
            return queryset.filter(as_of__isnull=True)
        return queryset


def parse_as_of(text):
    """(date, precision) from what an editor types, or None if it cannot be read.

    "2025-02", "February 2025", "Feb 2025" and "02/2025" are a month; "2023" is a year;
    "2025-02-14" (a full date, as older forms stored it) counts as its month.
    """
    text = " ".join(text.split())
    if match := YEAR_MONTH.fullmatch(text):
        year, month = int(match[1]), int(match[2])
    elif match := MONTH_NAME_YEAR.fullmatch(text):
        month, year = MONTHS.get(match[1].lower()), int(match[2])
    elif match := MONTH_SLASH_YEAR.fullmatch(text):
        month, year = int(match[1]), int(match[2])
    elif YEAR.fullmatch(text):
        return datetime.date(int(text), 1, 1), AsOfPrecision.YEAR
    else:
        return None
    if not month or not 1 <= month <= 12 or year < 1:
        return None
    if match.re is YEAR_MONTH and match[3]:
        try:
            datetime.date(year, month, int(match[3]))
        except ValueError:
            return None
    return datetime.date(year, month, 1), AsOfPrecision.MONTH


class AsOfInput(forms.TextInput):
    """Shows the stored date as precisely as the source gave it: 2025-02, or 2023."""

    def __init__(self, attrs=None):
        super().__init__(
            {"size": 9, "placeholder": "YYYY-MM", "autocomplete": "off", **(attrs or {})}
        )
        self.precision = AsOfPrecision.MONTH

    def format_value(self, value):
        if isinstance(value, datetime.date):
            return (
                str(value.year) if self.precision == AsOfPrecision.YEAR else value.strftime("%Y-%m")
            )
        return super().format_value(value)


class AsOfField(forms.Field):
    """A month and year (or a year alone), not a full date with a day and a "Today" button:
    sources give a month, and the day would be invented."""

    widget = AsOfInput
    default_error_messages = {
        "invalid": "Enter the month and year the source gives, for example 2025-02 or "
        "February 2025 (or only the year, for example 2023).",
    }

    def to_python(self, value):
        self.typed_precision = None
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.date):
            return value
        parsed = parse_as_of(str(value))
        if parsed is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        self.typed_precision = parsed[1]
        return parsed[0]


class AsOfFormMixin:
    """The as-of date and its precision agree: a month-precise figure needs a month, and a
    year-precise one is stored as 1 January of its year."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("as_of")
        if field is not None and self.instance is not None:
            field.widget.precision = self.instance.as_of_precision

    def clean(self):
        cleaned_data = super().clean()
        as_of = cleaned_data.get("as_of")
        precision = cleaned_data.get("as_of_precision")
        typed = getattr(self.fields.get("as_of"), "typed_precision", None)
        if as_of is None or precision is None:
            return cleaned_data
        if precision == AsOfPrecision.MONTH and typed == AsOfPrecision.YEAR:
            self.add_error(
                "as_of",
                "The precision is a month: give the month too (for example 2025-02), "
                "or set the precision to a year.",
            )
        elif precision == AsOfPrecision.YEAR:
            cleaned_data["as_of"] = as_of.replace(month=1, day=1)
        return cleaned_data
