"""DjangoFilterBackend with RoleFilter, plus the official median for the chosen area."""

from django_filters import utils
from django_filters.rest_framework import DjangoFilterBackend

from careers.export import with_official_median


class RoleFilterBackend(DjangoFilterBackend):
    """RoleFilter narrows and sorts exactly as on the role list (400 with each field's errors
    when invalid); its rows also carry the official median of `area` (default US) even on the
    guide's basis, and the view learns the area (`view.official_area`)."""

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if not filterset.is_valid():
            raise utils.translate_validation(filterset.errors)
        roles, view.official_area = with_official_median(filterset)
        return roles
