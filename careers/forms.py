"""The visitor tools' forms: which skills you have (/match/), which roles to compare (/compare/).

Both validate every value before it reaches the ORM; bad input is a form error, never a 500.
"""

import re

from django import forms
from django.core.validators import validate_slug

from core.forms import FILTER_FORM_RENDERER
from core.text import shown
from core.widgets import CheckboxList
from official.forms import PayPageForm
from official.models import Quality

from .filters import QUERY_MAX_LENGTH, SlugMultipleChoiceField, read_skills

COMPARE_MIN = 2
COMPARE_MAX = 4
# A role's slug is at most this long (SluggedModel); longer cannot be one.
SLUG_MAX_LENGTH = 100
# Roles offered to add for a search: enough to pick from, never the whole catalogue.
FIND_LIMIT = 10
QUALITY_GROUP = "Important qualities (U.S. Bureau of Labor Statistics)"
# A SOC code as people write it: 15-1252.
SOC_CODE = re.compile(r"[0-9]{2}-[0-9]{4}", re.ASCII)


class SocCodeField(forms.CharField):
    """A SOC code (15-1252); which occupations a role offers is the view's to check."""

    widget = forms.HiddenInput

    def to_python(self, value):
        # Length before the pattern, so a megabyte is never matched.
        text = str(value).strip() if value is not None else ""
        if text and (len(text) > 7 or not SOC_CODE.fullmatch(text)):
            raise forms.ValidationError(
                "“%(value)s” is not a SOC code: write two digits, a hyphen and four digits, "
                "for example 15-1252.",
                code="invalid",
                params={"value": shown(text)},
            )
        return text


class RolePayForm(PayPageForm):
    """/careers/<slug>/pay/'s parameters: the pay page's, and `occupation`, which of the role's
    occupations to show (its official one by default, or one of its alternatives)."""

    occupation = SocCodeField(label="Occupation", required=False)


class MatchForm(forms.Form):
    """The skills a visitor has, validated against the site's skills like the list's filter."""

    default_renderer = FILTER_FORM_RENDERER

    have = SlugMultipleChoiceField(
        label="Skills you have",
        required=False,
        widget=CheckboxList,
        error_messages={"invalid_choice": "There is no skill “%(value)s” on this site."},
        help_text="Tick every skill you have; roles are ranked by how much of each they need "
        "you cover.",
    )

    def __init__(self, data=None, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(data, *args, **kwargs)
        # The role filter's grouped skills (technical, soft, programming languages), then the
        # important qualities BLS names for the roles' official occupations.
        choices, self.general_skills = read_skills()
        qualities = list(Quality.objects.values_list("slug", "name"))
        if qualities:
            choices = [*choices, (QUALITY_GROUP, qualities)]
        self.fields["have"].choices = choices

    def clean_have(self):
        return list(dict.fromkeys(self.cleaned_data["have"]))  # a skill ticked twice is one


class CompareForm(forms.Form):
    """2 to 4 distinct role slugs from repeated `role` parameters; whether they exist is
    checked against the database by the view (one query for all of them)."""

    role = forms.Field(required=False, widget=forms.MultipleHiddenInput)
    find = forms.CharField(
        label="Find a role to add",
        required=False,
        max_length=QUERY_MAX_LENGTH,
        help_text="A word of its title or skills, e.g. scientist.",
    )

    def clean_role(self):
        slugs = [slug.strip() for slug in self.data.getlist("role") if slug.strip()]
        if len(slugs) > COMPARE_MAX:
            raise forms.ValidationError(
                f"Compare at most {COMPARE_MAX} roles at a time; you chose {len(slugs)}."
            )
        errors = []
        for slug in slugs:
            if len(slug) > SLUG_MAX_LENGTH:
                errors.append(f"“{shown(slug)}” is not a role on this site.")
                continue
            try:
                validate_slug(slug)
            except forms.ValidationError:
                errors.append(f"“{shown(slug)}” is not a role on this site.")
        repeated = sorted({slug for slug in slugs if slugs.count(slug) > 1})
        errors += [f"“{shown(slug)}” is chosen more than once." for slug in repeated]
        if errors:
            raise forms.ValidationError(errors)
        return slugs
