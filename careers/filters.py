"""The role list's filters: what each GET parameter means and how bad values are refused.

One FilterSet behind the HTML list, the CSV export and the API: `RoleFilter(data,
queryset=qs).qs` is `qs` narrowed by every valid parameter, a QuerySet. Every parameter is
validated by a bounded form field before it reaches the ORM, so malformed input (NUL bytes,
exponents, unknown slugs, ...) becomes a form error on a 200 page, never a 500.
"""

import re

import django_filters
from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import Exists, OuterRef
from django.utils.text import slugify

from core.forms import FILTER_FORM_RENDERER
from core.querystrings import form_query
from core.text import shown
from core.widgets import CheckboxList, OptionSelect, PayInput, RadioList, SearchInput
from official.models import Area, AreaKind, HandbookPage, Quality

from .models import CareerStage, Company, Role, Skill, SkillKind
from .models.salaries import PAY_LIMIT

QUERY_MAX_LENGTH = 200

# ASCII digits only, optionally as "$160,000": no signs, decimals, exponents, NaN or Infinity.
WHOLE_DOLLARS = re.compile(r"\$?(?:\d{1,3}(?:,\d{3})+|\d+)", re.ASCII)

SORT_CHOICES = [
    ("-pay", "Highest pay first"),
    ("pay", "Lowest pay first"),
    ("title", "Title, A to Z"),
    ("-title", "Title, Z to A"),
    ("-growth", "Fastest projected growth first (BLS, 2024-34)"),
    ("growth", "Slowest projected growth first (BLS, 2024-34)"),
]
DEFAULT_SORT = "-pay"

BASIS_CHOICES = [
    ("guide", "The guide's figures"),
    ("bls", "Official estimates (U.S. Bureau of Labor Statistics)"),
]
DEFAULT_BASIS = "guide"
DEFAULT_AREA = "US"
AREA_MAX_LENGTH = 7
AREA_HELP = "US, a state's two-letter postal code such as CA, or a metro area code such as 41860."


class WholeDollarsField(forms.IntegerField):
    """A pay bound in whole US dollars, e.g. 150000 or $150,000."""

    widget = PayInput

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


class AreaField(forms.ChoiceField):
    """An official statistics area by the code visitors use (US, CA, 41860), as an Area.

    Its choices (the nation, the states and territories, read with the form) are what the
    select offers and need no further query; any other known code (a metro area, picked on the
    areas page) is looked up and offered too.
    """

    widget = OptionSelect
    default_error_messages = {
        "unknown": "There is no area “%(value)s”. Use " + AREA_HELP,
    }

    def __init__(self, *, areas=(), **kwargs):
        national = [(a.code, a.display_name) for a in areas if a.kind == AreaKind.NATIONAL]
        states = [(a.code, a.name) for a in areas if a.kind == AreaKind.STATE]
        choices = [("Nation", national), ("States and territories", states)] if national else []
        super().__init__(choices=choices, **kwargs)
        self.areas = {area.code: area for area in areas}

    def to_python(self, value):
        return str(value).strip().upper() if value else ""

    def validate(self, value):
        forms.Field.validate(self, value)

    def prepare_value(self, value):
        return value.code if isinstance(value, Area) else value

    def clean(self, value):
        code = super().clean(value)
        if not code or (code == DEFAULT_AREA and not self.areas):
            return None  # nothing imported yet: the form says so if official pay is asked for
        area = self.areas.get(code)
        if area is None and len(code) <= AREA_MAX_LENGTH and code.isalnum():
            area = Area.objects.metros().filter(code=code).first()
            if area is not None:
                self.choices = [*self.choices, ("Metro area", [(area.code, area.name)])]
        if area is None:
            raise forms.ValidationError(
                self.error_messages["unknown"], code="unknown", params={"value": shown(value)}
            )
        return area


class AreaFilter(django_filters.Filter):
    field_class = AreaField


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


def list_defaults(area_given):
    """What the list assumes for a parameter not given: an area given alone means the official
    figures there; no area, the guide's figures (or the nation's official ones)."""
    if area_given:
        return {"sort": DEFAULT_SORT, "basis": "bls"}
    return {"sort": DEFAULT_SORT, "basis": DEFAULT_BASIS, "area": DEFAULT_AREA}


class RoleFilterForm(forms.Form):
    # One instance for every form, so its template engine (and cached loader) is built once.
    default_renderer = FILTER_FORM_RENDERER

    def __init__(self, data=None, *args, **kwargs):
        # An area chosen alone means its official figures: what a visitor choosing California
        # means (`basis=guide` beside it keeps the guide's figures). The nation is the default
        # area, which the filter form's select always sends: no choice.
        given = str(data.get("area") or "").strip().upper() if data is not None else ""
        self.area_given = given not in ("", DEFAULT_AREA)
        # The default sort is explicit in the form so its radio button renders checked; links
        # leave the defaults out again (RoleFilter.query()).
        defaults = list_defaults(self.area_given)
        if data is not None and any(not data.get(name) for name in defaults):
            data = data.copy()
            for name, value in defaults.items():
                if not data.get(name):
                    data[name] = value
        kwargs.setdefault("label_suffix", "")
        super().__init__(data, *args, **kwargs)

    def clean(self):
        cleaned_data = super().clean()
        pay_min, pay_max = cleaned_data.get("pay_min"), cleaned_data.get("pay_max")
        if pay_min is not None and pay_max is not None and pay_min > pay_max:
            self.add_error("pay_min", "Minimum pay is above maximum pay.")
        if (
            cleaned_data.get("basis") == "bls"
            and "area" in cleaned_data
            and not cleaned_data["area"]
        ):
            self.add_error("basis", "Official estimates are not loaded on this site yet.")
        return cleaned_data


# The skill filter's groups, in this order: what a role is known to need, then what the source
# names for machine learning roles in general.
SKILL_GROUPS = ("Technical skills", "Soft skills", "Programming languages")
# BLS's important qualities (official.Quality), after the guide's groups: a role has one when
# its official occupation's OOH page names it.
QUALITY_GROUP = "Important qualities (U.S. Bureau of Labor Statistics)"


def skill_group(kind, is_programming_language):
    if is_programming_language:
        return SKILL_GROUPS[2]
    return SKILL_GROUPS[1] if kind == SkillKind.SOFT else SKILL_GROUPS[0]


def read_skills(qualities=False):
    """The skill filter's grouped choices (SKILL_GROUPS order, then each skill's own order;
    empty groups left out) and the slugs of the skills the source names for every machine
    learning role (ticking one keeps every role), from one query. With `qualities`, BLS's
    important qualities follow as QUALITY_GROUP, each labelled as BLS's (a second query); a
    quality spelled like one of the guide's skills is one option, as the filter reads both
    sources for a slug (RoleQuerySet.having_skill())."""
    groups = {name: [] for name in (*SKILL_GROUPS, QUALITY_GROUP)}
    general = set()
    rows = Skill.objects.order_by("order", "name").values_list(
        "slug", "name", "kind", "is_programming_language", "for_all_roles"
    )
    for slug, name, kind, is_language, for_all_roles in rows:
        groups[skill_group(kind, is_language)].append((slug, name))
        if for_all_roles:
            general.add(slug)
    if qualities:
        guide = {slug for options in groups.values() for slug, _ in options}
        for slug, name in Quality.objects.order_by("name").values_list("slug", "name"):
            if slug not in guide:
                groups[QUALITY_GROUP].append((slug, f"{name} (BLS)"))
    return [(group, options) for group, options in groups.items() if options], general


# BLS's categories of typical entry-level education, least to most: the filter offers the
# imported ones in this order (any other wording after them, alphabetically).
EDUCATION_LADDER = [
    "No formal educational credential",
    "High school diploma or equivalent",
    "Postsecondary nondegree award",
    "Some college, no degree",
    "Associate's degree",
    "Bachelor's degree",
    "Master's degree",
    "Doctoral or professional degree",
]


def education_label(printed):
    """ "See How to Become One" is BLS's way of saying there is no single answer."""
    if printed == "See How to Become One":
        return "No single level (BLS: See How to Become One)"
    return printed


def read_educations():
    """The education filter's choices, (slug, label) of every typical entry-level education the
    imported OOH pages give, and {slug: [the values printed]}, from one query."""
    printed = HandbookPage.objects.order_by().values_list("entry_education", flat=True).distinct()
    rank = {text: n for n, text in enumerate(EDUCATION_LADDER)}
    by_slug = {}
    for text in sorted(set(printed), key=lambda text: (rank.get(text, len(rank)), text)):
        by_slug.setdefault(slugify(text), []).append(text)
    choices = [(slug, education_label(texts[0])) for slug, texts in by_slug.items()]
    return choices, by_slug


def stage_choices():
    return list(CareerStage.objects.values_list("slug", "name"))


def company_choices():
    """Only companies some published role lists as hiring: no choice that lists nothing."""
    hiring = Role.objects.published().filter(hiring_companies=OuterRef("pk"))
    return list(Company.objects.filter(Exists(hiring)).values_list("slug", "name"))


def flat_choices(choices):
    """(value, label) pairs of choices that may be grouped."""
    for value, label in choices:
        if isinstance(label, (list, tuple)):
            yield from label
        else:
            yield value, label


def area_choices():
    """The nation, the states and territories: what the area select offers (none until the
    official data is imported)."""
    return list(Area.objects.national_and_states().only("code", "name", "kind"))


def official_area(data):
    """The Area whose official medians a RoleFilter's cleaned `data` asks for, or None."""
    return data.get("area") if data.get("basis") == "bls" else None


# Read once per FilterSet: the form validates against these and draws its options from them.
CHOICES = {"stage": stage_choices, "company": company_choices}


class RoleFilter(django_filters.FilterSet):
    """Narrows the roles it is given by the role list's query string; sorts them by `sort`
    (always: the default sort replaces any ordering the given queryset had)."""

    q = django_filters.CharFilter(
        label="Search",
        method="filter_words",
        max_length=QUERY_MAX_LENGTH,
        widget=SearchInput,
        help_text="Words in the title, description or skills. Every word must match.",
    )
    # Which pay figure the pay bounds and pay sorts read: not filters of their own, but read
    # once by filter_queryset() to annotate `pay` before any filter runs.
    basis = django_filters.ChoiceFilter(
        label="Pay figures",
        choices=BASIS_CHOICES,
        empty_label=None,
        widget=RadioList,
        error_messages={"invalid_choice": "Choose the guide's figures or the official estimates."},
    )
    area = AreaFilter(
        label="Area (official estimates)",
        help_text=AREA_HELP,
        error_messages={"invalid_choice": "There is no such area."},
    )
    pay_min = PayFilter(
        method="filter_pay",
        label="Minimum median pay",
        help_text="Whole US dollars, e.g. 150000.",
        validators=[MinValueValidator(0), MaxValueValidator(PAY_LIMIT)],
    )
    pay_max = PayFilter(
        method="filter_pay",
        label="Maximum median pay",
        help_text="Whole US dollars, e.g. 200000.",
        validators=[MinValueValidator(0), MaxValueValidator(PAY_LIMIT)],
    )
    # A role must have every skill ticked: one subquery per skill (joins would grow with the
    # number ticked, and SQLite allows 64 tables in one).
    skill = SlugMultipleChoiceFilter(
        method="filter_skills",
        label="Skills",
        widget=CheckboxList,
        error_messages={"invalid_choice": "There is no skill “%(value)s” on this site."},
        help_text="Roles that need every skill you tick.",
    )
    stage = SlugChoiceFilter(
        field_name="stage__slug",
        label="Career stage",
        empty_label="Any stage",
        widget=RadioList,
        error_messages={"invalid_choice": "There is no such career stage."},
    )
    company = SlugChoiceFilter(
        field_name="hiring_companies__slug",
        distinct=False,
        label="Company hiring",
        empty_label="Any company",
        widget=OptionSelect,
        error_messages={"invalid_choice": "No role on this site lists that company as hiring."},
    )
    # BLS's typical entry-level education for the role's official occupation (its OOH page's).
    education = SlugChoiceFilter(
        method="filter_education",
        label="Typical entry-level education (BLS)",
        empty_label="Any education",
        widget=RadioList,
        error_messages={
            "invalid_choice": "No imported BLS Occupational Outlook Handbook page gives that "
            "education."
        },
        help_text="As BLS's Occupational Outlook Handbook gives it for the role's occupation.",
    )
    sort = django_filters.ChoiceFilter(
        label="Sort by",
        method="sort_by",
        choices=SORT_CHOICES,
        empty_label=None,
        widget=RadioList,
        error_messages={"invalid_choice": "Sort by pay, by title or by projected growth."},
    )

    class Meta:
        model = Role
        fields = [
            "q",
            "basis",
            "area",
            "pay_min",
            "pay_max",
            "skill",
            "stage",
            "company",
            "education",
            "sort",
        ]
        form = RoleFilterForm

    # Parameters that choose the pay figure rather than narrow the roles.
    PAY_CHOICE = ("basis", "area")

    def __init__(self, data=None, *args, official_median=False, **kwargs):
        """`official_median`: the rows carry the chosen area's official median (`bls_median`)
        on the guide's basis too, as the CSV export and the API show it beside the guide's."""
        # Always bound: an empty query string is a valid, unfiltered request with default sort.
        super().__init__(data if data is not None else {}, *args, **kwargs)
        self.official_median = official_median
        self.filters["skill"].extra["choices"], self.general_skills = read_skills(qualities=True)
        for name, read in CHOICES.items():
            self.filters[name].extra["choices"] = read()
        self.filters["area"].extra["areas"] = area_choices()
        self.filters["education"].extra["choices"], self.educations = read_educations()

    @property
    def chosen_area(self):
        """The chosen Area (default the nation), or None before official data is imported."""
        return getattr(self.form, "cleaned_data", {}).get("area")

    @property
    def official_area(self):
        """The Area whose official medians the pay filters and sorts use, or None on the
        guide's figures."""
        return official_area(getattr(self.form, "cleaned_data", {}))

    def filter_queryset(self, queryset):
        return self.narrow(queryset, self.form.cleaned_data)

    def narrow(self, queryset, data):
        """`queryset` with `pay` annotated for the basis and area in `data` (cleaned values),
        then narrowed and sorted by every other parameter there."""
        pay_area = official_area(data)
        queryset = queryset.with_pay(pay_area)
        if self.official_median and pay_area is None and data.get("area") is not None:
            queryset = queryset.with_official_median(data["area"])
        for name, value in data.items():
            if name not in self.PAY_CHOICE:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def filter_words(self, queryset, name, value):
        return queryset.search(value)

    def filter_pay(self, queryset, name, value):
        return queryset.pay_between(**{{"pay_min": "low", "pay_max": "high"}[name]: value})

    def filter_skills(self, queryset, name, value):
        for slug in dict.fromkeys(value):
            if slug in self.general_skills:
                continue  # the source names it for every role
            queryset = queryset.having_skill(slug)
        return queryset

    def filter_education(self, queryset, name, value):
        return queryset.education_in(self.educations[value])

    def sort_by(self, queryset, name, value):
        return queryset.ordered_by(value)

    def label_of(self, name, slug):
        """The name shown for a chosen skill, stage, company or education slug."""
        return dict(flat_choices(self.filters[name].extra["choices"])).get(slug, slug)

    def without(self, name, value=None):
        """The roles these filters find with one of them dropped (one value of `skill`)."""
        data = dict(self.form.cleaned_data)
        if value is None:
            data.pop(name, None)
        else:
            data[name] = [v for v in data.get(name) or [] if v != value]
        return self.narrow(self.queryset.all(), data)

    def query(self):
        """The parameters these filters were given, as cleaned, for links (core.querystrings)."""
        return form_query(self.form, list_defaults(self.form.area_given))
