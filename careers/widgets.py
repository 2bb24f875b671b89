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
