"""The admin's spreadsheet import and export (django-import-export), hardened: limits checked
before a file is parsed, columns checked as a form error, the upload kept only while it waits
for its confirmation, every row validated again at the confirmation and saved all or none, the
shared cache's failures told in plain words, no cell exported as a live formula.
docs/spreadsheet-import.md says what editors see and why.
"""

import logging
import re

from django.conf import settings
from django.core.cache import cache
from django.template.response import TemplateResponse
from import_export.admin import ImportExportMixin
from import_export.forms import ImportForm
from import_export.tmp_storages import CacheStorage

from .spreadsheet_files import LimitedCSV, LimitedXLSX, SpreadsheetRefused, check_size
from .text import shown

logger = logging.getLogger(__name__)


class UploadStorageDown(Exception):
    """The shared cache, where an upload waits for its confirmation, did not answer."""


class UploadStorage(CacheStorage):
    """The uploaded file waits for the editor's confirmation in the shared cache (Redis in
    production), so the confirming request may reach any worker of any instance; for
    SPREADSHEET_IMPORT_KEEP_SECONDS at most, and it is deleted once confirmed or refused."""

    NAME = re.compile(r"[0-9a-f]{32}", re.ASCII)

    def save(self, data):
        self.CACHE_LIFETIME = settings.SPREADSHEET_IMPORT_KEEP_SECONDS
        try:
            super().save(data)
        except Exception as error:  # any failure of the cache backend, Redis or files
            raise UploadStorageDown from error

    def read(self):
        try:
            return super().read()
        except Exception as error:
            raise UploadStorageDown from error

    def remove(self):
        # The entry expires by itself; failing to delete it early is no reason to fail.
        try:
            super().remove()
        except Exception:
            logger.warning("Spreadsheet import: the upload %s could not be deleted", self.name)

    @classmethod
    def is_waiting(cls, name):
        """A name the upload step made (a uuid4 hex) whose file is still there: a tampered,
        expired or already applied confirmation is neither."""
        if not cls.NAME.fullmatch(name or ""):
            return False
        try:
            return cache.get(cls.CACHE_PREFIX + name) is not None
        except Exception as error:
            raise UploadStorageDown from error


class SpreadsheetImportForm(ImportForm):
    """The upload step's form: the file's size, shape and columns are checked here, so a file
    that cannot be imported is a form error and is never stored."""

    def __init__(self, formats, resources, **kwargs):
        super().__init__(formats, resources, **kwargs)
        self.formats = formats
        self.resources = resources

    def clean(self):
        cleaned_data = super().clean()
        upload = cleaned_data.get("import_file")
        chosen = cleaned_data.get("format")
        if upload is None or chosen in (None, ""):
            return cleaned_data
        try:
            check_size(upload.size)
            # The encoding the admin reads CSV with (ImportMixin.from_encoding).
            file_format = self.formats[int(chosen)](encoding="utf-8-sig")
            data = upload.read()
            upload.seek(0)
            dataset = file_format.create_dataset(data)
            self.check_columns(dataset.headers or [])
            if not len(dataset):
                raise SpreadsheetRefused("The file has a header but no rows to import.")
        except SpreadsheetRefused as refused:
            self.add_error("import_file", str(refused))
        return cleaned_data

    def check_columns(self, headers):
        index = int(self.cleaned_data.get("resource") or 0)
        resource = self.resources[index]()
        known = [field.column_name for field in resource.get_import_fields()]
        optional = set(getattr(resource, "optional_columns", ()))
        problems = []
        duplicated = sorted({name for name in headers if headers.count(name) > 1})
        if duplicated:
            problems.append("more than one column named " + ", ".join(map(shown, duplicated)))
        if "" in headers:
            problems.append("a column with no name in the first row")
        unknown = [name for name in headers if name and name not in known]
        if unknown:
            problems.append("unknown columns: " + ", ".join(map(shown, unknown)))
        missing = [name for name in known if name not in headers and name not in optional]
        if missing:
            problems.append("missing columns: " + ", ".join(missing))
        if problems:
            raise SpreadsheetRefused(
                "The first row must name the columns "
                + ", ".join(known)
                + f" ({', '.join(sorted(optional))} may be left out). This file has "
                + "; ".join(problems)
                + "."
            )


class SpreadsheetImportExportMixin(ImportExportMixin):
    """ImportExportMixin for the editors' admin; see the module's docstring."""

    formats = [LimitedCSV, LimitedXLSX]
    import_form_class = SpreadsheetImportForm
    tmp_storage_class = UploadStorage
    import_template_name = "admin/spreadsheet_import.html"

    def import_action(self, request, **kwargs):
        try:
            response = super().import_action(request, **kwargs)
        except UploadStorageDown:
            return self.storage_down(request)
        context = getattr(response, "context_data", None) or {}
        form = context.get("form")
        if request.method == "POST" and not context.get("confirm_form") and form is not None:
            # Refused (a form error or rows with errors): nothing waits for a confirmation.
            upload = getattr(form, "cleaned_data", {}).get("import_file")
            name = getattr(upload, "tmp_storage_name", None)
            if name:
                UploadStorage(name=name).remove()
        return response

    def process_import(self, request, **kwargs):
        name = request.POST.get("import_file_name") if request.method == "POST" else None
        try:
            if request.method == "POST" and not UploadStorage.is_waiting(name):
                return self.import_not_found(request)
            return super().process_import(request, **kwargs)
        except UploadStorageDown:
            return self.storage_down(request)
        except SpreadsheetRefused:
            # The stored file expired between the check and the read, or cannot be read.
            UploadStorage(name=name).remove()
            return self.import_not_found(request)

    def process_dataset(self, dataset, form, request, **kwargs):
        # Every row is validated again against the database as it is now; one refused row
        # rolls the whole file back (with IMPORT_EXPORT_USE_TRANSACTIONS).
        kwargs.setdefault("rollback_on_validation_errors", True)
        return super().process_dataset(dataset, form, request, **kwargs)

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            return self.confirmation_refused(result, request)
        return super().process_result(result, request)

    def confirmation_refused(self, result, request):
        """409: the file was valid at the preview and is not now (a role it names was deleted,
        a figure changed); nothing was saved, and the reasons are listed per row."""
        context = {
            **self.admin_site.each_context(request),
            "title": "Import not applied",
            "opts": self.model._meta,
            "result": result,
            "refused_at_confirmation": True,
            "import_error_display": self.import_error_display,
        }
        return TemplateResponse(request, [self.import_template_name], context, status=409)

    def import_not_found(self, request):
        context = {
            **self.admin_site.each_context(request),
            "title": "Import not found",
            "opts": self.model._meta,
            "keep_minutes": settings.SPREADSHEET_IMPORT_KEEP_SECONDS // 60,
        }
        return TemplateResponse(request, "admin/import_not_found.html", context, status=400)

    def storage_down(self, request):
        """503: where uploads wait (the shared cache) is not answering; nothing was saved."""
        logger.error("Spreadsheet import: the shared cache did not answer", exc_info=True)
        context = {
            **self.admin_site.each_context(request),
            "title": "Import unavailable",
            "opts": self.model._meta,
        }
        response = TemplateResponse(request, "admin/import_unavailable.html", context, status=503)
        response["Retry-After"] = "60"
        return response
