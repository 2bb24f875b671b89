"""The article's other content: duties, education steps, applications, quotes, outlook."""

from django.contrib import admin
from django.utils.text import Truncator

from careers.models import (
    Application,
    Duty,
    EducationPassage,
    EducationStep,
    OutlookStatistic,
    Quote,
)
from core.admin import CitedAdmin, ContentAdmin, DateStatedFilter, EditorFormMixin

from .figures import AsOfField, FigureAgeFilter
from .pay import DatedFigureForm

SOURCE_FILTER = ("source", admin.RelatedOnlyFieldListFilter)


class OrderedContentAdmin(ContentAdmin):
    list_select_related = ["source"]
    list_filter = [SOURCE_FILTER]
    autocomplete_fields = ["source"]
    ordering = ["order"]


@admin.register(Duty)
class DutyAdmin(OrderedContentAdmin):
    list_display = ["text", "order", "source"]
    search_fields = ["text", "slug"]
    prepopulated_fields = {"slug": ["text"]}


class EducationPassageInline(EditorFormMixin, admin.StackedInline):
    """A step's text, passage by passage: each credited to whoever wrote its sentences."""

    model = EducationPassage
    extra = 0
    autocomplete_fields = ["source"]
    fields = ["order", "text", "source"]
    verbose_name = "passage"
    verbose_name_plural = "text, one passage per source"


@admin.register(EducationStep)
class EducationStepAdmin(OrderedContentAdmin):
    list_display = ["title", "order", "source"]
    search_fields = ["title", "passages__text", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [EducationPassageInline]


@admin.register(EducationPassage)
class EducationPassageAdmin(ContentAdmin):
    """Passages are edited on their step's page; this list finds one by its words or source."""

    list_display = ["step", "order", "short_text", "source"]
    list_select_related = ["step", "source"]
    list_filter = [SOURCE_FILTER]
    search_fields = ["text", "step__title"]
    autocomplete_fields = ["step", "source"]
    ordering = ["step__order", "order"]

    @admin.display(description="text", ordering="text")
    def short_text(self, obj):
        return Truncator(obj.text).words(16)


@admin.register(Application)
class ApplicationAdmin(OrderedContentAdmin):
    list_display = ["name", "examples", "order", "source"]
    search_fields = ["name", "examples", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Quote)
class QuoteAdmin(OrderedContentAdmin):
    list_display = ["short_text", "topic", "order", "source"]
    list_filter = ["topic", SOURCE_FILTER]
    search_fields = ["text", "slug"]
    prepopulated_fields = {"slug": ["text"]}
    ordering = ["topic", "order"]

    @admin.display(description="quotation", ordering="text")
    def short_text(self, obj):
        return Truncator(obj.text).words(16)


class UnitFilter(admin.SimpleListFilter):
    """Django's own filter would offer an unnamed link for figures given only in words."""

    title = "unit"
    parameter_name = "unit"

    def lookups(self, request, model_admin):
        units = OutlookStatistic.objects.exclude(unit="").order_by("unit").values_list("unit")
        return [*((unit, unit) for (unit,) in units.distinct()), ("-", "No number")]

    def queryset(self, request, queryset):
        if self.value() == "-":
            return queryset.filter(unit="")
        if self.value():
            return queryset.filter(unit=self.value())
        return queryset


@admin.register(OutlookStatistic)
class OutlookStatisticAdmin(OrderedContentAdmin, CitedAdmin):
    list_display = ["label", "figure_column", "period", "source", "as_of_column", "order"]
    list_filter = [FigureAgeFilter, UnitFilter, SOURCE_FILTER, DateStatedFilter]
    form = DatedFigureForm
    search_fields = ["label", "statement", "period", "slug"]
    prepopulated_fields = {"slug": ["label"]}
    fieldsets = [
        (None, {"fields": ["label", "slug", "statement"]}),
        (
            "The figure",
            {
                "description": "Leave the value empty when the source gives only words.",
                "fields": ["qualifier", "value", "unit", "period"],
            },
        ),
        ("Source", {"fields": ["source", "as_of", "as_of_precision"]}),
        ("Position", {"fields": ["order"]}),
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "as_of":
            return db_field.formfield(form_class=AsOfField)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description="figure", ordering="value")
    def figure_column(self, obj):
        if obj.value is None:
            return "—"
        number = f"{obj.value.normalize():,f}"
        return " ".join(part for part in (obj.qualifier, number, obj.unit) if part)
