"""Salary figures, edited on their own page, inline on a role's page, and from a spreadsheet."""

from django import forms
from django.contrib import admin

from careers.formatting import money
from careers.models import Salary
from careers.models.salaries import FIGURES
from core.admin import CitedAdmin, DateStatedFilter, EditorFormMixin, LabelledInlineMixin
from core.spreadsheet_admin import SpreadsheetImportExportMixin

from .figures import AsOfField, AsOfFormMixin, FigureAgeFilter
from .forms import PayField
from .spreadsheet import SalaryResource


class DatedFigureForm(AsOfFormMixin, forms.ModelForm):
    """The admin supplies the model and fields."""


class PayFieldsMixin:
    form = DatedFigureForm

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in FIGURES:
            return db_field.formfield(form_class=PayField)
        if db_field.name == "as_of":
            return db_field.formfield(form_class=AsOfField)
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class SalaryInline(LabelledInlineMixin, PayFieldsMixin, EditorFormMixin, admin.TabularInline):
    model = Salary
    extra = 0
    autocomplete_fields = ["source"]
    fields = ["source", "median", "average", "low", "high", "as_of", "as_of_precision", "basis"]
    verbose_name = "pay figures from a source"
    verbose_name_plural = "pay figures (one row per source)"
    # Narrow inputs (static/css/editors-admin.css) keep every column, the delete box included,
    # inside a 1,280 px window.
    classes = ["pay-inline"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("role", "source")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in FIGURES:
            field.widget.attrs["size"] = 7
        elif db_field.name == "basis":
            field.widget.attrs["size"] = 12
        return field


@admin.register(Salary)
class SalaryAdmin(PayFieldsMixin, SpreadsheetImportExportMixin, CitedAdmin):
    list_display = [
        "role",
        "median_column",
        "range_column",
        "average_column",
        "source",
        "as_of_column",
        "basis",
    ]
    list_select_related = ["role", "source"]
    list_filter = [
        FigureAgeFilter,
        ("source", admin.RelatedOnlyFieldListFilter),
        DateStatedFilter,
        "currency",
    ]
    search_fields = ["role__title", "source__publisher", "source__title", "basis", "region"]
    autocomplete_fields = ["role", "source"]
    ordering = ["role__title", "source__publisher"]
    resource_classes = [SalaryResource]
    fieldsets = [
        (None, {"fields": ["role", "source"]}),
        (
            "Pay figures",
            {
                "description": "Fill in only the figures the source gives. Whole numbers; "
                "a $ sign and commas are fine.",
                "fields": ["median", "average", "low", "high", "currency", "period"],
            },
        ),
        (
            "What and when",
            {"fields": ["basis", "region", "as_of", "as_of_precision"]},
        ),
    ]

    @admin.display(description="median", ordering="median")
    def median_column(self, obj):
        return money(obj.median, obj.currency) or "—"

    @admin.display(description="average", ordering="average")
    def average_column(self, obj):
        return money(obj.average, obj.currency) or "—"

    @admin.display(description="range")
    def range_column(self, obj):
        if obj.low is None and obj.high is None:
            return "—"
        low = money(obj.low, obj.currency) or "?"
        high = money(obj.high, obj.currency) or "?"
        return f"{low} – {high}"
