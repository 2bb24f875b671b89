"""Sources, skills, companies and career stages: what roles are described by."""

from django.contrib import admin

from careers.models import CareerStage, Company, Skill, Source
from core.admin import EditorAdmin


class HasWebAddressFilter(admin.SimpleListFilter):
    title = "web address"
    parameter_name = "has_url"

    def lookups(self, request, model_admin):
        return [("yes", "Has a web address"), ("no", "No web address")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(url="")
        if self.value() == "no":
            return queryset.filter(url="")
        return queryset


@admin.register(Source)
class SourceAdmin(EditorAdmin):
    list_display = ["__str__", "publisher", "title", "url"]
    list_filter = [HasWebAddressFilter]
    search_fields = ["publisher", "title", "slug", "url"]
    prepopulated_fields = {"slug": ["publisher", "title"]}
    ordering = ["publisher", "title"]


@admin.register(Skill)
class SkillAdmin(EditorAdmin):
    list_display = ["name", "kind", "is_programming_language", "for_all_roles", "order", "source"]
    list_select_related = ["source"]
    list_filter = [
        "kind",
        "is_programming_language",
        "for_all_roles",
        ("source", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["source"]
    ordering = ["kind", "order", "name"]


@admin.register(Company)
class CompanyAdmin(EditorAdmin):
    list_display = ["name", "in_hiring_sample", "in_job_search", "url"]
    list_filter = ["in_hiring_sample", "in_job_search"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    ordering = ["name"]


@admin.register(CareerStage)
class CareerStageAdmin(EditorAdmin):
    list_display = ["order", "name", "source"]
    list_display_links = ["name"]
    list_select_related = ["source"]
    list_filter = [("source", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["source"]
    ordering = ["order"]
