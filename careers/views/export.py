"""/careers/export.csv: the role list's matches, all of them, as a spreadsheet-safe CSV file."""

import csv

from django.http import HttpResponse, StreamingHttpResponse
from django.views import View

from ..export import COLUMNS, role_row
from ..filters import RoleFilter
from ..models import Role

# Rows read per query batch: 2,000 roles are one batch of the roles and one of each prefetch.
CHUNK_SIZE = 2000


class _Echo:
    """csv.writer writes into this and gets the line back, so each row can be streamed."""

    def write(self, value):
        return value


def filter_errors_text(form):
    """Form errors as plain text lines: "pay_min: Enter whole dollars ..."."""
    return "\n".join(
        f"{field}: {message}" for field, messages in form.errors.items() for message in messages
    )


class RoleExportView(View):
    """Streams every role the list shows for the same query string, in the list's order."""

    def get(self, request):
        filterset = RoleFilter(request.GET, queryset=Role.objects.published().for_export())
        if not filterset.is_valid():
            return HttpResponse(
                "These filters cannot be exported:\n" + filter_errors_text(filterset.form) + "\n",
                status=400,
                content_type="text/plain; charset=utf-8",
            )
        roles = filterset.qs.iterator(chunk_size=CHUNK_SIZE)
        base_url = request.build_absolute_uri("/")[:-1]
        writer = csv.writer(_Echo())

        def lines():
            yield writer.writerow(COLUMNS)
            for role in roles:
                yield writer.writerow(role_row(role, base_url))

        response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="careerguide-roles.csv"'
        return response
