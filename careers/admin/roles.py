"""Roles, edited with their pay figures and skills on one page."""

from django.contrib import admin

from careers.formatting import money
from careers.models import Role, RoleSkill
from core.admin import EditorAdmin, EditorFormMixin

from .forms import RoleAdminForm
from .pay import SalaryInline


class RoleSkillInline(EditorFormMixin, admin.TabularInline):
    model = RoleSkill
    extra = 0
    autocomplete_fields = ["skill"]
    verbose_name = "skill"
    verbose_name_plural = "skills this role needs"


@admin.register(Role)
class RoleAdmin(EditorAdmin):
    form = RoleAdminForm
    list_display = ["title", "stage", "median_pay_column", "is_published", "is_synthetic"]
    list_select_related = ["stage"]
    list_filter = ["stage", "is_published", "is_synthetic"]
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
    inlines = [SalaryInline, RoleSkillInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "stage"]}),
        ("Description", {"fields": ["summary", "description", "description_source"]}),
        ("Career path", {"fields": ["next_roles", "hiring_companies"]}),
        ("Official pay (BLS)", {"fields": ["official_occupation", "official_match"]}),
        ("On the site", {"fields": ["is_published", "is_synthetic"]}),
    ]

    @admin.display(description="median pay (newest)", ordering="median_pay")
    def median_pay_column(self, obj):
        return money(obj.median_pay) or "—"


@admin.register(RoleSkill)
class RoleSkillAdmin(EditorAdmin):
    list_display = ["role", "skill", "importance"]
    list_select_related = ["role", "skill"]
    list_filter = ["importance", "skill__kind"]
    search_fields = ["role__title", "skill__name"]
    autocomplete_fields = ["role", "skill"]
    ordering = ["role__title", "importance", "skill__name"]
