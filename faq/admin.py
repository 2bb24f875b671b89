from django.contrib import admin

from core.admin import ContentAdmin

from .models import FaqEntry


@admin.register(FaqEntry)
class FaqEntryAdmin(ContentAdmin):
    list_display = ["question", "topic", "order", "is_published", "source"]
    list_select_related = ["source"]
    list_filter = ["topic", "is_published", ("source", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["question", "answer", "slug"]
    prepopulated_fields = {"slug": ["question"]}
    autocomplete_fields = ["related_roles", "source"]
    ordering = ["topic", "order"]
