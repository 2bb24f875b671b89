"""What every editor-facing admin page shares: plain-words errors and cited, dated columns."""

from django.contrib import admin
from django.db import models

NO_DATE = "no date stated"

# Model-level unique errors read like "Role with this Slug already exists."; editors
# know the slug as the page's web address, so say that instead.
PLAIN_ERROR_MESSAGES = {
    "slug": {
        "unique": "This web address (slug) is already used by another %(model_name)s. "
        "Choose a different one, for example by adding a word.",
    },
}


class DateStatedFilter(admin.SimpleListFilter):
    """The "by date" filters Django offers (today, past 7 days) mean nothing for a source's date."""

    title = "date stated by source"
    parameter_name = "dated"

    def lookups(self, request, model_admin):
        return [("yes", "Date stated"), ("no", "No date stated")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(as_of__isnull=False)
        if self.value() == "no":
            return queryset.filter(as_of__isnull=True)
        return queryset


class EditorFormMixin:
    """Plain-words error messages on the edit form and on every inline form."""

    def get_form(self, request, obj=None, **kwargs):
        kwargs.setdefault("error_messages", PLAIN_ERROR_MESSAGES)
        return super().get_form(request, obj, **kwargs)

    def get_formset(self, request, obj=None, **kwargs):
        kwargs.setdefault("error_messages", PLAIN_ERROR_MESSAGES)
        return super().get_formset(request, obj, **kwargs)


class EditorAdmin(EditorFormMixin, admin.ModelAdmin):
    empty_value_display = "—"
    list_per_page = 50
    # Editors paste addresses without a scheme; every source we cite is served over https.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class CitedAdmin(EditorAdmin):
    """For records that carry a figure: the source and its as-of date sit beside it."""

    @admin.display(description="as of", ordering="as_of")
    def as_of_column(self, obj):
        return obj.as_of_display or NO_DATE
