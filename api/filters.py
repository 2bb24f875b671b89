"""DjangoFilterBackend with RoleFilter: the role list's filters, and the official median."""

from django_filters.rest_framework import DjangoFilterBackend


class RoleFilterBackend(DjangoFilterBackend):
    """RoleFilter narrows and sorts exactly as on the role list (400 with each field's errors
    when invalid, DjangoFilterBackend's own behaviour); its rows also carry the official median
    of `area` (default US) even on the guide's basis."""

    def get_filterset_kwargs(self, request, queryset, view):
        return {**super().get_filterset_kwargs(request, queryset, view), "official_median": True}
