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


class DisablesOptions:
    """Options whose value is in `disabled_values` render disabled, unless chosen (a filter's
    option that would find nothing is shown as such, and a chosen one can still be unticked)."""

    disabled_values = frozenset()

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if not selected and str(value) in self.disabled_values:
            option["attrs"]["disabled"] = True
        return option


# Django's choice widgets with their option templates written into one template each (the same
# markup): a list page draws dozens of options, and each include costs a template render.
class CheckboxList(DisablesOptions, forms.CheckboxSelectMultiple):
    template_name = "core/widgets/choices.html"


class RadioList(DisablesOptions, forms.RadioSelect):
    template_name = "core/widgets/choices.html"


class OptionSelect(DisablesOptions, forms.Select):
    template_name = "core/widgets/select.html"
