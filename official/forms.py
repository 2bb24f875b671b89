"""The pay-by-location page's query string: every parameter bounded and validated, so a
malformed or tampered value becomes a form error on the page, never a 500."""

import re

from django import forms

from core.forms import FILTER_FORM_RENDERER
from core.text import shown
from core.widgets import NulSafeTextInput, SearchInput

from .models import Area
from .tile_map import MAP_MODES

QUERY_MAX_LENGTH = 100
# US, a postal code (CA), a metro code (41860) or a nonmetropolitan area's 7 digits.
AREA_CODE = re.compile(r"[A-Za-z]{2}|[0-9]{5}|[0-9]{7}", re.ASCII)
AREA_CODES_ACCEPTED = (
    "Use US for the nation, a two-letter postal code (CA, DC, PR) or a BLS metropolitan area "
    "code of 5 digits (41860)."
)
PAGE_DIGITS = re.compile(r"[0-9]{1,6}", re.ASCII)

# The tables' columns, in order: (sort key, heading). Sorting takes exactly these keys. The
# median comes second, so that on a phone it is in view beside the area's name.
COLUMNS = [
    ("name", "Area"),
    ("median", "Median"),
    ("employment", "Employment ± RSE"),
    ("per-1000", "Per 1,000 jobs"),
    ("quotient", "Location quotient"),
    ("p10", "10th percentile"),
    ("p25", "25th percentile"),
    ("p75", "75th percentile"),
    ("p90", "90th percentile"),
    ("mean", "Mean ± RSE"),
]
# A column's WageEstimate field where the sort key (what links carry) is not its name.
COLUMN_FIELDS = {"per-1000": "jobs_per_1000", "quotient": "location_quotient"}
SORT_KEYS = [key for key, _ in COLUMNS]
SORT_CHOICES = [
    choice
    for key, heading in COLUMNS
    for choice in ((key, f"{heading}, lowest first"), (f"-{key}", f"{heading}, highest first"))
]
DEFAULT_SORT = "name"


class AreaCodeField(forms.CharField):
    """An area's public code, case-insensitive; cleans to the Area itself."""

    widget = NulSafeTextInput

    def __init__(self, **kwargs):
        super().__init__(max_length=7, **kwargs)
        self.widget.attrs.update({"size": "8", "autocomplete": "off", "spellcheck": "false"})

    def to_python(self, value):
        # Length before the pattern, so a megabyte is never matched.
        text = str(value).strip() if value is not None else ""
        if text and (len(text) > 7 or not AREA_CODE.fullmatch(text)):
            raise forms.ValidationError(
                "“%(value)s” is not an area code. " + AREA_CODES_ACCEPTED,
                code="invalid",
                params={"value": shown(text)},
            )
        return text.upper()

    def prepare_value(self, value):
        return value.code if isinstance(value, Area) else value

    def clean(self, value):
        code = super().clean(value)
        if not code:
            return None
        area = Area.objects.filter(code=code).first()
        if area is None:
            raise forms.ValidationError(
                "There is no area “%(value)s” in the BLS data. " + AREA_CODES_ACCEPTED,
                code="unknown",
                params={"value": code},
            )
        return area


class PageField(forms.CharField):
    """A page number of the metro table: 1 to 999999 in ASCII digits."""

    widget = forms.HiddenInput

    def to_python(self, value):
        text = str(value).strip() if value is not None else ""
        if not text:
            return None
        if len(text) > 6 or not PAGE_DIGITS.fullmatch(text) or int(text) < 1:
            raise forms.ValidationError(
                "“%(value)s” is not a page number: use a whole number from 1.",
                code="invalid",
                params={"value": shown(text)},
            )
        return int(text)


class SortField(forms.ChoiceField):
    widget = forms.HiddenInput

    def validate(self, value):
        try:
            super().validate(value)
        except forms.ValidationError as error:
            error.params = {"value": shown(value)}
            raise


class PayPageForm(forms.Form):
    """What the page's GET parameters ask for; an invalid one falls back to its default."""

    default_renderer = FILTER_FORM_RENDERER

    q = forms.CharField(
        label="Search metropolitan areas",
        required=False,
        max_length=QUERY_MAX_LENGTH,
        widget=SearchInput,
        help_text="Part of the area's name, e.g. Austin or Texas.",
    )
    area = AreaCodeField(
        label="Area to highlight",
        required=False,
        help_text="US, a postal code (CA) or a metropolitan area code (41860).",
    )
    sort = SortField(
        label="Sort by",
        required=False,
        choices=SORT_CHOICES,
        error_messages={
            "invalid_choice": "There is no sort “%(value)s”: choose a column heading to sort by."
        },
    )
    page = PageField(label="Page", required=False)
    map = SortField(
        label="Colour the map by",
        required=False,
        choices=list(MAP_MODES.items()),
        error_messages={
            "invalid_choice": "There is no map “%(value)s”: choose median, per-1000 or quotient."
        },
    )

    def __init__(self, data=None, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(data if data is not None else {}, **kwargs)

    def value(self, name, default=None):
        """The cleaned value of one parameter, or its default when it was missing or invalid."""
        self.is_valid()
        value = self.cleaned_data.get(name)
        return default if value in (None, "") else value


# /outlook/'s table of projections, in order: (sort key, heading). Sorting takes exactly these.
OUTLOOK_COLUMNS = [
    ("title", "Occupation"),
    ("change_percent", "Change, percent"),  # second: in view beside the title on a phone
    ("employment_2024", "Employment, 2024"),
    ("employment_2034", "Projected, 2034"),
    ("change_number", "Change, jobs"),
    ("openings", "Openings a year"),
    ("education", "Typical entry-level education"),
]
OUTLOOK_TEXT_COLUMNS = ("title", "education")
OUTLOOK_DEFAULT_SORT = "-change_percent"


class OutlookSortForm(forms.Form):
    """/outlook/'s one parameter; an invalid sort falls back to the default, with a message."""

    default_renderer = FILTER_FORM_RENDERER

    sort = SortField(
        label="Sort by",
        required=False,
        choices=[
            (f"{prefix}{key}", heading) for key, heading in OUTLOOK_COLUMNS for prefix in ("", "-")
        ],
        error_messages={
            "invalid_choice": "There is no sort “%(value)s”: choose a column heading to sort by."
        },
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data if data is not None else {}, **kwargs)

    def value(self, name, default=None):
        self.is_valid()
        value = self.cleaned_data.get(name)
        return default if value in (None, "") else value
