"""Form widgets shared by the site's filter forms."""

from django import forms


class NulSafeTextInput(forms.TextInput):
    """A text box that never echoes a NUL character back.

    The form refuses a NUL with an error, but re-rendering the submitted value would put a NUL
    into the page, which is an HTML parse error.
    """

    def format_value(self, value):
        value = super().format_value(value)
        return value.replace("\x00", "") if value else value


class SearchInput(NulSafeTextInput):
    input_type = "search"


class PayInput(NulSafeTextInput):
    """A whole-dollars box: a numeric keypad on phones, no browser autofill of old amounts."""

    def __init__(self, attrs=None):
        super().__init__(
            {"inputmode": "numeric", "autocomplete": "off", "size": "10", **(attrs or {})}
        )


# Django's choice widgets with their option templates written into one template each (the same
# markup): a list page draws dozens of options, and each include costs a template render.
class CheckboxList(forms.CheckboxSelectMultiple):
    template_name = "core/widgets/choices.html"


class RadioList(forms.RadioSelect):
    template_name = "core/widgets/choices.html"


class OptionSelect(forms.Select):
    template_name = "core/widgets/select.html"
