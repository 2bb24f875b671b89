"""The role list's filters: what each GET parameter means and how bad values are refused.

Every parameter is validated by a form field before it reaches the ORM, so malformed input
(NUL bytes, exponents, unknown slugs, ...) becomes a form error on a 200 page, never a 500.
"""

import re

import django_filters
from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator

from core.text import shown
from core.widgets import NulSafeTextInput, PayInput, SearchInput

from .models import Role
from .models.salaries import PAY_LIMIT
from .selectors import RoleSearch, filter_choices

QUERY_MAX_LENGTH = 200

# ASCII digits only, optionally as "$160,000": no signs, decimals, exponents, NaN or Infinity.
WHOLE_DOLLARS = re.compile(r"\$?(?:\d{1,3}(?:,\d{3})+|\d+)", re.ASCII)

SORT_CHOICES = [
    ("-pay", "Highest pay first"),
    ("pay", "Lowest pay first"),
    ("title", "Title, A to Z"),
    ("-title", "Title, Z to A"),
]
DEFAULT_SORT = "-pay"


class WholeDollarsField(forms.IntegerField):
    """A pay bound in whole US dollars, e.g. 150000 or $150,000.

    Its input is drawn by templates/includes/role_filters.html; the widget only formats the value.
    """

    widget = NulSafeTextInput

    default_error_messages = {
        "invalid": "Enter whole dollars using the digits 0 to 9, e.g. 150000.",
    }

    def to_python(self, value):
        text = str(value).strip() if value is not None else ""
        if not text:
            return None
        # Length first, so a megabyte of digits is never handed to int().
        if len(text) > 15 or not WHOLE_DOLLARS.fullmatch(text):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return int(text.replace("$", "").replace(",", ""))


class PayFilter(django_filters.Filter):
    field_class = WholeDollarsField


class _EchoSafely:
    """An unknown choice is named in its error only as `shown()` makes it safe to echo."""

    def validate(self, value):
        try:
            super().validate(value)
        except forms.ValidationError as error:
            if getattr(error, "params", None) and "value" in error.params:
                error.params["value"] = shown(error.params["value"])
            raise


class SlugChoiceField(_EchoSafely, django_filters.fields.ChoiceField):
    pass


class SlugMultipleChoiceField(_EchoSafely, django_filters.fields.MultipleChoiceField):
    pass


class SlugChoiceFilter(django_filters.ChoiceFilter):
    field_class = SlugChoiceField


class SlugMultipleChoiceFilter(django_filters.MultipleChoiceFilter):
    field_class = SlugMultipleChoiceField


class RoleFilterForm(forms.Form):
    def __init__(self, data=None, *args, **kwargs):
        # The default sort is explicit in the form so its radio button renders checked; the
        # request's own parameters (used to build links) are left as they came.
        if data is not None and not data.get("sort"):
            data = data.copy()
            data["sort"] = DEFAULT_SORT
        kwargs.setdefault("label_suffix", "")
        super().__init__(data, *args, **kwargs)

    def clean(self):
        cleaned_data = super().clean()
        pay_min, pay_max = cleaned_data.get("pay_min"), cleaned_data.get("pay_max")
        if pay_min is not None and pay_max is not None and pay_min > pay_max:
            self.add_error("pay_min", "Minimum pay is above maximum pay.")
        return cleaned_data


class RoleFilter(django_filters.FilterSet):
    """Validates the role list's query string; `qs` runs the valid filters as a RoleSearch.

    The filters declare fields, labels and error messages only: none filters a QuerySet.
    """

    q = django_filters.CharFilter(
        label="Search",
        max_length=QUERY_MAX_LENGTH,
        widget=SearchInput,
        help_text="Words in the title, description or skills. Every word must match.",
    )
    pay_min = PayFilter(
        field_name="median_pay",
        widget=PayInput,
        lookup_expr="gte",
        label="Minimum median pay",
        help_text="Whole US dollars, e.g. 150000.",
        validators=[MinValueValidator(0), MaxValueValidator(PAY_LIMIT)],
    )
    pay_max = PayFilter(
        field_name="median_pay",
        widget=PayInput,
        lookup_expr="lte",
        label="Maximum median pay",
        help_text="Whole US dollars, e.g. 200000.",
        validators=[MinValueValidator(0), MaxValueValidator(PAY_LIMIT)],
    )
    # Skills, stages and companies are offered and checked by slug, from one read of the three
    # lists per request (`selectors.filter_choices()`, set in __init__): checking a chosen slug
    # against them needs no query of its own, and the form draws its options from them too.
    skill = SlugMultipleChoiceFilter(
        label="Skills",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "There is no skill “%(value)s” on this site."},
        help_text="Roles that need every skill you tick.",
    )
    stage = SlugChoiceFilter(
        label="Career stage",
        empty_label="Any stage",
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "There is no such career stage."},
    )
    company = SlugChoiceFilter(
        label="Company hiring",
        empty_label="Any company",
        error_messages={"invalid_choice": "No role on this site lists that company as hiring."},
    )
    sort = django_filters.ChoiceFilter(
        label="Sort by",
        choices=SORT_CHOICES,
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Sort by pay or by title."},
    )

    class Meta:
        model = Role
        fields = ["q", "pay_min", "pay_max", "skill", "stage", "company", "sort"]
        form = RoleFilterForm

    def __init__(self, data=None, *args, choices=None, **kwargs):
        # Always bound: an empty query string is a valid, unfiltered request with default sort.
        super().__init__(data if data is not None else {}, *args, **kwargs)
        # {"skill" | "stage" | "company": [(id, slug, name), ...]}: pass it on to related
        # filtersets (the empty state's suggestions) so they don't read it again.
        self.choice_rows = filter_choices() if choices is None else choices
        # slug -> (id, name) per list: ids for the search, names for the active-filter labels.
        self.by_slug = {}
        for name, rows in self.choice_rows.items():
            self.filters[name].extra["choices"] = [(slug, label) for _, slug, label in rows]
            self.by_slug[name] = {slug: (pk, label) for pk, slug, label in rows}

    def label_of(self, name, slug):
        """The name shown for a chosen skill, stage or company slug."""
        return self.by_slug[name].get(slug, (None, slug))[1]

    def _id_of(self, name, slug):
        return self.by_slug[name].get(slug, (None, None))[0]

    @property
    def qs(self):
        """The matching roles, as a RoleSearch (a count and slices, as the Paginator asks).

        Only for a valid form: FilterView lists nothing while the form has errors.
        """
        if not hasattr(self, "_qs"):
            data = self.form.cleaned_data if self.is_valid() else {}
            self._qs = RoleSearch(
                words=(data.get("q") or "").split(),
                pay_min=data.get("pay_min"),
                pay_max=data.get("pay_max"),
                skill_ids=[self._id_of("skill", slug) for slug in data.get("skill") or []],
                stage_id=self._id_of("stage", data.get("stage")),
                company_id=self._id_of("company", data.get("company")),
                sort=data.get("sort") or DEFAULT_SORT,
            )
        return self._qs
