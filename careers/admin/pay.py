"""Salary figures, edited on their own page and inline on a role's page."""

from django.contrib import admin

from careers.formatting import money
from careers.models import Salary
from careers.models.salaries import FIGURES
from core.admin import CitedAdmin, DateStatedFilter, EditorFormMixin

from .forms import PayField


class PayFieldsMixin:
    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in FIGURES:
            return db_field.formfield(form_class=PayField)
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class SalaryInline(PayFieldsMixin, EditorFormMixin, admin.TabularInline):
    model = Salary
    extra = 0
    autocomplete_fields = ["source"]
    fields = ["source", "median", "average", "low", "high", "as_of", "as_of_precision", "basis"]
    verbose_name = "pay figures from a source"
    verbose_name_plural = "pay figures (one row per source)"


@admin.register(Salary)
class SalaryAdmin(PayFieldsMixin, CitedAdmin):
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
    list_filter = [("source", admin.RelatedOnlyFieldListFilter), DateStatedFilter, "currency"]
    search_fields = ["role__title", "source__publisher", "source__title", "basis", "region"]
    autocomplete_fields = ["role", "source"]
    ordering = ["role__title", "source__publisher"]
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
