"""Roles, edited with their pay figures and skills on one page."""

from django.contrib import admin
from django.forms.models import BaseInlineFormSet
from django.utils.html import format_html

from careers.models import MAX_ALTERNATIVES, Role, RoleOccupation, RoleSkill
from core.admin import ContentAdmin, EditorFormMixin, LabelledInlineMixin
from core.formatting import money

from .forms import RoleAdminForm
from .pay import SalaryInline


class RoleSkillInline(LabelledInlineMixin, EditorFormMixin, admin.TabularInline):
    model = RoleSkill
    extra = 0
    autocomplete_fields = ["skill"]
    verbose_name = "skill"
    verbose_name_plural = "skills this role needs"

    def get_queryset(self, request):
        # Each row's heading names its role and skill: read them with the rows.
        return super().get_queryset(request).select_related("role", "skill")


class AlternativesFormSet(BaseInlineFormSet):
    """The role page's alternatives: the formset counts the rows kept (`validate_max`, rows
    ticked for deletion left out), so each row tells its model not to count the saved ones,
    which would refuse swapping one alternative for another in a single save."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.instance.counted_by_formset = True
        return form


class AlternativeOccupationInline(LabelledInlineMixin, EditorFormMixin, admin.TabularInline):
    """Up to MAX_ALTERNATIVES other occupations close to the role, each linking to its pay."""

    model = RoleOccupation
    formset = AlternativesFormSet
    extra = 0
    max_num = MAX_ALTERNATIVES
    autocomplete_fields = ["occupation"]
    fields = ["occupation", "order", "reason"]
    verbose_name = "alternative occupation"
    verbose_name_plural = f"alternative official occupations (at most {MAX_ALTERNATIVES})"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("role", "occupation")

    def get_formset(self, request, obj=None, **kwargs):
        # Refuse a fourth row sent anyway (the page offers no more than three).
        kwargs.setdefault("validate_max", True)
        return super().get_formset(request, obj, **kwargs)


class MissingFilter(admin.SimpleListFilter):
    """What a role still lacks: the editor's to-do page links here for its longer lists."""

    title = "missing"
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        return [
            ("pay", "No pay figures"),
            ("description", "No description"),
            ("skills", "No skills"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "pay":
            return queryset.without_pay()
        if self.value() == "description":
            return queryset.without_description()
        if self.value() == "skills":
            return queryset.without_skills()
        return queryset


@admin.register(Role)
class RoleAdmin(ContentAdmin):
    form = RoleAdminForm
    list_display = ["title", "stage", "median_pay_column", "is_published"]
    list_select_related = ["stage"]
    # Synthetic roles exist for tests and benchmarks: a filter to find them, not a column.
    list_filter = ["stage", "is_published", MissingFilter, "is_synthetic"]
    search_fields = ["title", "slug", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = [
        "stage",
        "description_source",
        "next_roles",
        "hiring_companies",
        "official_occupation",
    ]
    readonly_fields = ["is_synthetic"]
    ordering = ["title"]
    inlines = [SalaryInline, RoleSkillInline, AlternativeOccupationInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "stage"]}),
        ("Description", {"fields": ["summary", "description", "description_source"]}),
        ("Career path", {"fields": ["next_roles", "hiring_companies"]}),
        (
            "Official pay (BLS)",
            {
                "description": "Alternative occupations are listed below the skills.",
                "fields": ["official_occupation", "official_match", "official_reason"],
            },
        ),
        ("On the site", {"fields": ["is_published", "is_synthetic"]}),
    ]

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        # The median column cites the record it comes from: one query for the page's rows.
        changelist.result_list = changelist.result_list.with_cited_median()
        return changelist

    @admin.display(description="median pay (newest), as of, source", ordering="median_pay")
    def median_pay_column(self, obj):
        salaries = getattr(obj, "median_salaries", None)
        if not salaries:
            return money(obj.median_pay) or "—"
        salary = salaries[0]
        return format_html(
            "{}<br><small>{}, {}</small>",
            money(salary.median, salary.currency),
            salary.as_of_display or "no date stated",
            salary.source,
        )


@admin.register(RoleSkill)
class RoleSkillAdmin(ContentAdmin):
    list_display = ["role", "skill", "importance"]
    list_select_related = ["role", "skill"]
    list_filter = ["importance", "skill__kind"]
    search_fields = ["role__title", "skill__name"]
    autocomplete_fields = ["role", "skill"]
    ordering = ["role__title", "importance", "skill__name"]


@admin.register(RoleOccupation)
class RoleOccupationAdmin(ContentAdmin):
    """Each alternative on a page of its own too, for its history and revert."""

    list_display = ["role", "occupation", "order", "reason"]
    list_select_related = ["role", "occupation"]
    list_filter = [("occupation", admin.RelatedOnlyFieldListFilter), "role__is_published"]
    search_fields = ["role__title", "occupation__title", "occupation__soc_code"]
    autocomplete_fields = ["role", "occupation"]
    ordering = ["role__title", "order"]
