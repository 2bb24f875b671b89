"""What every editor-facing admin page shares: plain-words errors and cited, dated columns."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import NotRelationField, get_fields_from_path, unquote
from django.contrib.admin.views.main import IGNORED_PARAMS, ChangeList
from django.contrib.admin.widgets import (
    AutocompleteSelect,
    AutocompleteSelectMultiple,
    RelatedFieldWidgetWrapper,
)
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models, router, transaction
from django.db.models.constants import LOOKUP_SEP
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin

from .stale_forms import versioned_form, versioned_formset, with_opened_version
from .text import shown
from .versioning import ABSENT, StaleEdit, is_versioned

NO_DATE = "no date stated"

# Model-level unique errors read like "Role with this Slug already exists."; editors
# know the slug as the page's web address, so say that instead.
PLAIN_ERROR_MESSAGES = {
    "slug": {
        "unique": "This web address (slug) is already used by another %(model_name)s. "
        "Choose a different one, for example by adding a word.",
    },
}


# A primary key outside the signed 64-bit range can never exist, and SQLite raises
# OverflowError (a 500) instead of finding nothing when asked for one.
PK_MIN, PK_MAX = -(2**63), 2**63 - 1

# Saves retried when another save won the race between the form's check and the write.
STALE_RETRIES = 3


def clean_key(target_field, value):
    """The value as the target field stores it, or ValidationError if no row can have it."""
    key = target_field.to_python(value)
    if isinstance(key, int):
        # int() reads other scripts' digits too ("१" is 1); an id typed that way is not one.
        if isinstance(value, str) and not value.isascii():
            raise ValidationError("not an id", code="invalid")
        if not PK_MIN <= key <= PK_MAX:
            raise ValidationError("out of range", code="invalid")
    return key


def target_field(queryset, to_field_name):
    opts = queryset.model._meta
    return opts.get_field(to_field_name) if to_field_name else opts.pk


class CheckedModelChoiceField(forms.ModelChoiceField):
    """Refuses an id no row can have with the usual "not one of the choices" error."""

    def to_python(self, value):
        if value not in self.empty_values and not isinstance(value, self.queryset.model):
            try:
                clean_key(target_field(self.queryset, self.to_field_name), value)
            except ValidationError:
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": shown(value)},
                ) from None
        return super().to_python(value)


class CheckedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Refuses ids no row can have before the one query that would overflow on SQLite."""

    def _check_values(self, value):
        if isinstance(value, (list, tuple)):
            field = target_field(self.queryset, self.to_field_name)
            for pk in value:
                try:
                    clean_key(field, pk)
                except ValidationError:
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": shown(pk)},
                    ) from None
        return super()._check_values(value)


class CheckedAutocompleteMixin:
    """Re-showing a refused form must not re-query the refused ids (a 500 otherwise)."""

    def optgroups(self, name, value, attr=None):
        remote_opts = self.field.remote_field.model._meta
        field = remote_opts.get_field(
            getattr(self.field.remote_field, "field_name", None) or remote_opts.pk.name
        )
        kept = []
        for item in value:
            try:
                clean_key(field, item)
            except ValidationError:
                continue
            kept.append(item)
        return super().optgroups(name, kept, attr)


class CheckedAutocompleteSelect(CheckedAutocompleteMixin, AutocompleteSelect):
    pass


class CheckedAutocompleteSelectMultiple(CheckedAutocompleteMixin, AutocompleteSelectMultiple):
    pass


class DateStatedFilter(admin.SimpleListFilter):
    """The "by date" filters Django offers (today, past 7 days) mean nothing for a source's date."""

    title = "date stated by source"
    parameter_name = "dated"

    def lookups(self, request, model_admin):
        return [("yes", "Date stated"), ("no", "No date stated")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(as_of__isnull=False)
        if self.value() == "no":
            return queryset.filter(as_of__isnull=True)
        return queryset


class EditorFormMixin:
    """Plain-words errors on the edit form and every inline form; a bad id is a form error;
    a versioned record's form refuses to save over a change made since it was opened
    (core/stale_forms.py)."""

    def get_form(self, request, obj=None, **kwargs):
        kwargs.setdefault("error_messages", PLAIN_ERROR_MESSAGES)
        if is_versioned(self.model):
            kwargs.setdefault("form", versioned_form(self.form))
        return super().get_form(request, obj, **kwargs)

    def get_formset(self, request, obj=None, **kwargs):
        kwargs.setdefault("error_messages", PLAIN_ERROR_MESSAGES)
        if is_versioned(self.model):
            kwargs.setdefault("form", versioned_form(self.form))
            kwargs.setdefault("formset", versioned_formset(self.formset))
        return super().get_formset(request, obj, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if is_versioned(self.model) and self.has_change_permission(request, obj):
            fieldsets = with_opened_version(fieldsets)
        return fieldsets

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = CheckedAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        kwargs.setdefault("form_class", CheckedModelChoiceField)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = CheckedAutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        kwargs.setdefault("form_class", CheckedModelMultipleChoiceField)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class LabelledInlineMixin:
    """A tabular inline's inputs sit under a column heading, not beside a <label>: name each
    one for screen readers, and leave the related-object icons (edit, add, delete, view) to
    the record's own page so that every column fits the window."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is None:
            return field
        widget = field.widget
        if isinstance(widget, RelatedFieldWidgetWrapper):
            widget.can_add_related = widget.can_change_related = False
            widget.can_delete_related = widget.can_view_related = False
            widget = widget.widget
        label = field.label or db_field.verbose_name
        widget.attrs.setdefault("aria-label", str(label)[:1].upper() + str(label)[1:])
        return field


# Lookups whose value is compared as the field's own type; isnull and friends take booleans.
VALUE_LOOKUPS = {"", "exact", "in", "gt", "gte", "lt", "lte"}


def _integer_lookup_field(model, key):
    """The integer field a changelist filter parameter compares against, or None."""
    parts = key.split(LOOKUP_SEP)
    for end in range(len(parts), 0, -1):
        try:
            fields = get_fields_from_path(model, LOOKUP_SEP.join(parts[:end]))
        except (FieldDoesNotExist, NotRelationField):
            continue
        if LOOKUP_SEP.join(parts[end:]) not in VALUE_LOOKUPS:
            return None
        field = fields[-1]
        if field.is_relation:
            field = field.related_model._meta.pk
        return field if isinstance(field, models.IntegerField) else None
    return None


class CheckedChangeList(ChangeList):
    """A filter value no row can have (an id past 64 bits, "abc" for an id) is an incorrect
    lookup, which the admin answers with the unfiltered list and a note, rather than a query
    that overflows on SQLite (a 500)."""

    def get_queryset(self, request, exclude_parameters=None):
        for key, values in self.filter_params.items():
            field = None if key in IGNORED_PARAMS else _integer_lookup_field(self.model, key)
            if field is None:
                continue
            for value in values:
                for part in value.split(",") if key.endswith("__in") else [value]:
                    try:
                        clean_key(field, part)
                    except ValidationError as error:
                        raise IncorrectLookupParameters(error) from None
        return super().get_queryset(request, exclude_parameters)


class EditorAdmin(EditorFormMixin, admin.ModelAdmin):
    empty_value_display = "—"
    list_per_page = 50
    # Editors paste addresses without a scheme; every source we cite is served over https.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_changelist(self, request, **kwargs):
        return CheckedChangeList

    def response_action(self, request, queryset):
        """A bulk action on ids no row can have changes nothing and says so, instead of a 500."""
        pk = self.model._meta.pk
        for value in request.POST.getlist(helpers.ACTION_CHECKBOX_NAME):
            try:
                clean_key(pk, value)
            except ValidationError:
                self.message_user(
                    request,
                    "Some of the selected items could not be read, so nothing was changed. "
                    "Select them again and retry.",
                    messages.WARNING,
                )
                return HttpResponseRedirect(request.get_full_path())
        return super().response_action(request, queryset)


class ContentAdmin(EditorAdmin, SimpleHistoryAdmin):
    """An editor's admin for a content model with history (core/history.py): the History
    page lists every version with who made it and a diff of the changed fields, and any
    version, a deleted record's included, can be restored from there ("Revert")."""

    history_list_per_page = 50

    def history_view(self, request, object_id, extra_context=None):
        self._check_history_keys(object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._check_history_keys(object_id, version_id)
        # Only a revert is saved from this page: say so in the version it records.
        request._history_reverted_version = version_id
        # A revert is a save like any other: all of it or nothing, and never over a change
        # made since the page was opened.
        view = transaction.atomic(using=router.db_for_write(self.model))(super().history_form_view)
        return self._refusing_stale_saves(view, request, object_id, version_id, extra_context)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        view = super().changeform_view
        return self._refusing_stale_saves(view, request, object_id, form_url, extra_context)

    def _refusing_stale_saves(self, view, request, *args):
        """Run the (atomic) view; if a save found its record changed after the form was
        checked (two saves at once), the view rolled back: run it again, and the form now
        sees the change and explains it. A third race in a row gives up with a 409."""
        for _attempt in range(STALE_RETRIES):
            try:
                return view(request, *args)
            except StaleEdit:
                continue
        context = {**self.admin_site.each_context(request), "title": "Saved by someone else"}
        return TemplateResponse(request, "admin/stale_edit.html", context, status=409)

    def get_form(self, request, obj=None, **kwargs):
        if (
            obj is not None
            and getattr(request, "_history_reverted_version", None) is not None
            and is_versioned(self.model)
        ):
            # The revert page's record is an old version, with its old number: the page is
            # opened at the record's current version (or as absent, for a deleted record).
            current = (
                self.model._base_manager.filter(pk=obj.pk).values_list("version", flat=True).first()
            )
            obj.version = ABSENT if current is None else current
        return super().get_form(request, obj, **kwargs)

    def _check_history_keys(self, object_id, version_id=None):
        """A tampered address ("abc" or a 30-digit id) finds nothing: a 404, not a 500."""
        history_model = self.model.history.model
        checks = [(self.model._meta.pk, object_id)]
        if version_id is not None:
            checks.append((history_model._meta.pk, version_id))
        for field, value in checks:
            try:
                clean_key(field, unquote(value))
            except ValidationError:
                raise Http404("No such record or version.") from None

    def save_model(self, request, obj, form, change):
        version_id = getattr(request, "_history_reverted_version", None)
        if version_id is not None:
            version = self.model.history.filter(history_id=version_id).first()
            when = timezone.localtime(version.history_date).strftime("%Y-%m-%d %H:%M %Z")
            obj._change_reason = f"Reverted to the version of {when}"
            if is_versioned(self.model):
                # The form matches the old version it shows, but the record changes.
                obj.expect_version(obj._expected_version, changed=True)
        super().save_model(request, obj, form, change)


class CitedAdmin(ContentAdmin):
    """For records that carry a figure: the source and its as-of date sit beside it."""

    @admin.display(description="as of", ordering="as_of")
    def as_of_column(self, obj):
        # is_stale: the figure is older than the site's limit (careers' AsOfMixin).
        if getattr(obj, "is_stale", False):
            return f"{obj.as_of_display} (old)"
        return obj.as_of_display or NO_DATE
