"""The official statistics in the admin: read-only (they come from BLS through import_oews),
searchable so editors can find the occupation to map a role to."""

from django.contrib import admin

from core.admin import EditorAdmin
from core.formatting import money

from .models import Area, Footnote, Occupation, Release, WageEstimate


class ReadOnlyAdmin(EditorAdmin):
    """Imported figures are corrected by importing a new release, never by hand."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Occupation)
class OccupationAdmin(ReadOnlyAdmin):
    list_display = ["soc_code", "title"]
    search_fields = ["soc_code", "title"]
    ordering = ["soc_code"]


@admin.register(Area)
class AreaAdmin(ReadOnlyAdmin):
    list_display = ["name", "code", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]
    ordering = ["kind", "name"]


@admin.register(WageEstimate)
class WageEstimateAdmin(ReadOnlyAdmin):
    list_display = ["occupation", "area", "median_column", "employment", "release"]
    list_select_related = ["occupation", "area", "release"]
    list_filter = ["area__kind", "occupation"]
    search_fields = ["occupation__title", "occupation__soc_code", "area__name", "area__code"]
    ordering = ["occupation__soc_code", "area__kind", "area__name"]

    @admin.display(description="annual median", ordering="median")
    def median_column(self, obj):
        return money(obj.median) or (
            f"— (BLS footnote {obj.median_footnote})" if obj.median_footnote else "—"
        )


@admin.register(Release)
class ReleaseAdmin(ReadOnlyAdmin):
    list_display = ["name", "code", "published_on", "retrieved_on", "source"]
    list_select_related = ["source"]


@admin.register(Footnote)
class FootnoteAdmin(ReadOnlyAdmin):
    list_display = ["code", "text"]
