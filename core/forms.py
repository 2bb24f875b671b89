"""Form rendering shared by the site's filter forms."""

from django.forms.renderers import DjangoTemplates


class FilterFormRenderer(DjangoTemplates):
    """Django's renderer with one field template that writes the label and the errors in
    (core/templates/core/forms/field.html): the same markup, fewer template renders."""

    field_template_name = "core/forms/field.html"


# Forms take it as their default_renderer: an instance, so that its engine and cached template
# loader are shared by every form instead of built (and every template compiled) per form.
FILTER_FORM_RENDERER = FilterFormRenderer()
