"""Form fields that accept what editors type or paste from a source."""

from django import forms
from django.core.validators import MinValueValidator


class PayField(forms.IntegerField):
    """A pay figure: whole units, more than zero; "$168,730" is read as 168730."""

    widget = forms.TextInput(attrs={"inputmode": "numeric", "size": 10})
    default_error_messages = {
        "invalid": "Enter the pay as a whole number, for example 168730 or $168,730.",
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
        return super().to_python(value)
