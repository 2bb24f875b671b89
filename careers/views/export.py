"""/careers/export.csv: the role list's matches, all of them, as a spreadsheet-safe CSV file."""

from django.views import View

from core.spreadsheet import csv_download, invalid_filters

from ..export import COLUMNS, role_row
from ..filters import RoleFilter
from ..models import Role
from ..selectors import official_release

# Roles read per batch: up to this many roles cost one query and one per prefetch.
CHUNK_SIZE = 2000


class RoleExportView(View):
    """Every role the list finds for the same query string, in the list's order, with the
    official median for the chosen area (`area`, default US); 400 with the reason, as plain
    text, for invalid filters."""

    query_parameters = (RoleFilter,)  # what the page cache keys it by

    def get(self, request):
        filterset = RoleFilter(
            request.GET, queryset=Role.objects.published().for_export(), official_median=True
        )
        if not filterset.is_valid():
            return invalid_filters(filterset.form)
        base_url = request.build_absolute_uri("/")[:-1]
        roles, area = filterset.qs, filterset.chosen_area
        release = official_release() if area is not None else None
        rows = (role_row(role, base_url, area, release) for role in roles.iterator(CHUNK_SIZE))
        return csv_download(COLUMNS, rows, "careerguide-roles.csv")
