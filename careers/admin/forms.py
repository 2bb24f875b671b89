"""Form fields that accept what editors type or paste from a source."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator

# Python's int() also reads other scripts' digits ("१२३" is 123); a pay figure from a source
# is written in 0-9, so anything else is a typing or pasting slip to point out.
ASCII_WHOLE_NUMBER = re.compile(r"-?[0-9]+(\.0*)?", re.ASCII)


class PayField(forms.IntegerField):
    """A pay figure: whole units, more than zero; "$168,730" is read as 168730."""

    widget = forms.TextInput(attrs={"inputmode": "numeric", "size": 10})
    default_error_messages = {
        "invalid": "Enter the pay as a whole number, for example 168730 or $168,730.",
        "not_ascii": "Type the pay with the digits 0 to 9, for example 168730 or $168,730.",
    }

    def __init__(self, *, min_value=None, **kwargs):
        # The model field's own "greater than or equal to 0" reads oddly for pay; zero is
        # refused by the database anyway, so ask for more than zero in one plain sentence.
        kwargs.pop("widget", None)
        super().__init__(**kwargs)
        self.validators.append(MinValueValidator(1, message="Pay must be more than zero."))

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().removeprefix("$").replace(",", "").strip()
            if value and not ASCII_WHOLE_NUMBER.fullmatch(value):
                other_digits = any(char.isdigit() and not char.isascii() for char in value)
                code = "not_ascii" if other_digits else "invalid"
                raise ValidationError(self.error_messages[code], code=code)
        return super().to_python(value)


class RoleAdminForm(forms.ModelForm):
    """The Role admin's form; the admin supplies the model and fields."""

    def clean(self):
        cleaned_data = super().clean()
        next_roles = cleaned_data.get("next_roles")
        if self.instance.pk and any(role.pk == self.instance.pk for role in next_roles or ()):
            self.add_error("next_roles", "A role cannot be its own next step.")
        return cleaned_data
