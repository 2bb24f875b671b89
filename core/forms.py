"""Form rendering shared by the site's filter forms."""

from django.forms.renderers import DjangoTemplates


class FilterFormRenderer(DjangoTemplates):
    """Django's renderer with one field template that writes the label and the errors in
    (core/templates/core/forms/field.html): the same markup, fewer template renders."""

    field_template_name = "core/forms/field.html"
