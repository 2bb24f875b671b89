"""Salary records to and from a spreadsheet (CSV or XLSX), with django-import-export.

One row per role and source, matched on the role's and the source's web address (slug), so a
new survey's figures update the records in place. Each saved row is recorded in the history
like an edit by hand; the whole file is applied in one transaction or not at all
(IMPORT_EXPORT_USE_TRANSACTIONS).
"""

import datetime

from django.core.exceptions import ValidationError
from import_export import fields, resources, widgets

from careers.models import AsOfPrecision, Role, Salary, Source
from careers.models.salaries import FIGURES
from core.spreadsheet import formula_like
from core.text import shown

from .figures import AsOfField
from .forms import PayField


class SlugWidget(widgets.ForeignKeyWidget):
    """A role or source named by its web address, with a plain error when none has it."""

    def clean(self, value, row=None, **kwargs):
        value = (value or "").strip() if isinstance(value, str) else value
        if not value:
            raise ValueError(f"Give the {self.model._meta.verbose_name}'s web address (slug).")
        try:
            return self.model.objects.get(slug=value)
        except self.model.DoesNotExist:
            raise ValueError(
                f"No {self.model._meta.verbose_name} has the web address “{value}”."
            ) from None


class TextWidget(widgets.CharWidget):
    """Free text (basis, region, currency). Text a spreadsheet would run as a formula is
    refused rather than stored: docs/spreadsheet-import.md says why."""

    def clean(self, value, row=None, **kwargs):
        text = value.removeprefix("'") if isinstance(value, str) else value
        if formula_like(text):
            raise ValueError(
                f"“{shown(value)}” would run as a formula in a spreadsheet (it starts with =, "
                "+, -, @, a tab or a line break). Reword it to start with a letter or a digit."
            )
        return super().clean(value, row, **kwargs)


class PayWidget(widgets.Widget):
    """Pay as editors type it in the admin: 168730, $168,730, or empty."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # XLSX cells hold numbers as floats
        try:
            return PayField(required=False).clean(value if value is not None else "")
        except ValidationError as error:
            raise ValueError(" ".join(error.messages)) from None

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else value


class AsOfWidget(widgets.Widget):
    """ "2025-02" for a month, "2023" for a year, as in the admin's form; empty for undated."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime.datetime):
            value = value.date()
        if isinstance(value, (int, float)):
            value = str(int(value))
        try:
            return AsOfField(required=False).clean(value)
        except ValidationError as error:
            raise ValueError(" ".join(error.messages)) from None

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        if obj is not None and obj.as_of_precision == AsOfPrecision.YEAR:
            return str(value.year)
        return value.strftime("%Y-%m")


class SalaryResource(resources.ModelResource):
    role = fields.Field(attribute="role", column_name="role", widget=SlugWidget(Role, "slug"))
    source = fields.Field(
        attribute="source", column_name="source", widget=SlugWidget(Source, "slug")
    )
    median = fields.Field(attribute="median", column_name="median", widget=PayWidget())
    average = fields.Field(attribute="average", column_name="average", widget=PayWidget())
    low = fields.Field(attribute="low", column_name="low", widget=PayWidget())
    high = fields.Field(attribute="high", column_name="high", widget=PayWidget())
    as_of = fields.Field(attribute="as_of", column_name="as_of", widget=AsOfWidget())
    currency = fields.Field(attribute="currency", column_name="currency", widget=TextWidget())
    basis = fields.Field(attribute="basis", column_name="basis", widget=TextWidget())
    region = fields.Field(attribute="region", column_name="region", widget=TextWidget())
    # Descriptions a file may leave out; the figures and their date always go together, so a
    # file cannot change a figure and leave an older date beside it.
    optional_columns = ["basis", "region"]

    class Meta:
        model = Salary
        fields = ["role", "source", *FIGURES, "currency", "as_of", "basis", "region"]
        import_id_fields = ["role", "source"]
        # Model validation (the database's rules in plain words) runs on every row, so a bad
        # row is reported with its reasons in the preview instead of failing at the database.
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def get_instance(self, instance_loader, row):
        try:
            return super().get_instance(instance_loader, row)
        except ValueError:
            # An unknown role or source: reported with the row's other field errors below,
            # rather than as an error that hides every other row's reasons.
            return None

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)
        # The precision follows what the row gives: "2023" is a year, "2025-02" a month.
        text = str(row.get("as_of") or "").strip()
        if instance.as_of is not None:
            is_year = text.isdigit() or (text.endswith(".0") and text[:-2].isdigit())
            instance.as_of_precision = AsOfPrecision.YEAR if is_year else AsOfPrecision.MONTH

    def before_save_instance(self, instance, row, **kwargs):
        # The history says where the change came from (the editor is recorded as for any edit).
        file_name = kwargs.get("file_name") or "a spreadsheet"
        instance._change_reason = f"Imported from {file_name}"[:100]

    def get_queryset(self):
        return super().get_queryset().select_related("role", "source")
