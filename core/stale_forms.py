"""Editors' forms that refuse to save over a change made since they were opened.

Each form of a versioned record (core/versioning.py), the inline rows on a role's page
included, carries the version it was opened at in a hidden field. If the record has moved on
since, the form is refused with a sentence naming who changed what (read from the history);
the editor's input stays in the form, now marked with the current version, so saving again is
a deliberate choice to keep theirs. The save itself is conditional on the version (the check
here only explains; the database decides), so two concurrent saves cannot both win.
"""

from django import forms
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils import timezone
from django.utils.text import Truncator

from .history import is_tracked
from .models import related_label
from .versioning import ABSENT

OPENED = "opened_version"
# A page opened before versions were recorded, or a form sent without its hidden fields.
NO_VERSION = (
    "This form did not say which version of the {name} it was opened at, so it cannot tell "
    "whether someone changed the {name} since. Nothing was saved. Your input is still in the "
    "form: check it against the saved {name}, then save again to keep yours."
)
SHOWN_CHANGES = 6


def when(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M %Z")


def shown_value(record, field):
    """A field's value as an editor reads it, short."""
    if field.is_relation:
        value = related_label(record, field.name) if getattr(record, field.attname) else ""
    elif field.flatchoices:
        value = dict(field.flatchoices).get(getattr(record, field.attname), "")
    else:
        value = getattr(record, field.attname)
    text = "" if value is None else str(value)
    return f"“{Truncator(text).chars(60)}”" if text else "empty"


def changed_fields(model, before, after):
    """'median: “150000” → “170000”' for each field an editor edits that differs."""
    lines = []
    for field in model._meta.concrete_fields:
        if not field.editable or field.primary_key:
            continue
        if getattr(before, field.attname, None) != getattr(after, field.attname, None):
            lines.append(
                f"{field.verbose_name}: {shown_value(before, field)} → {shown_value(after, field)}"
            )
    return lines


def describe_change(model, pk, opened):
    """Who changed the record since version `opened`, when, and which fields, in one paragraph."""
    current = model._base_manager.filter(pk=pk).first()
    name = f"This {model._meta.verbose_name}"
    history = (
        getattr(model, model._meta.simple_history_manager_attribute).filter(
            **{model._meta.pk.attname: pk}
        )
        if is_tracked(model)
        else None
    )
    newest = history.order_by("-history_date", "-history_id").first() if history else None
    by = ""
    # The newest version names who made the change unless the change left no version (a
    # bulk update).
    if newest is not None and (current is None or newest.version == current.version):
        who = newest.history_user or "someone"
        by = f" by {who} ({when(newest.history_date)})"
    if current is None:
        what = f"{name} was deleted{by} after you opened this page."
    elif opened == ABSENT:
        what = f"{name} was restored{by} after you opened this page."
    else:
        seen = None
        if history is not None and opened is not None:
            seen = history.filter(version=opened).order_by("-history_date", "-history_id").first()
        changes = changed_fields(model, seen, current) if seen is not None else []
        if changes:
            listed = "; ".join(changes[:SHOWN_CHANGES])
            if len(changes) > SHOWN_CHANGES:
                listed += f"; and {len(changes) - SHOWN_CHANGES} more"
            what = f"{name} was changed{by} after you opened this page: {listed}."
        elif seen is not None:
            what = (
                f"{name} was saved again{by} after you opened this page (its lists of "
                "related records may have changed)."
            )
        else:
            what = f"{name} was changed{by} after you opened this page."
    return (
        f"{what} Nothing was saved. Your input is still in the form: compare it with the "
        "changes above, then save again to replace them with yours, or reload the page "
        "to start from the saved version."
    )


class VersionedFormMixin(forms.ModelForm):
    """Added by the admin (core/admin.py) to the form of every versioned model."""

    stale_message = None

    opened_version = forms.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=0, max_value=2**31 - 1
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance._state.adding:
            self.fields[OPENED].initial = self.instance.version

    def clean(self):
        cleaned_data = super().clean()
        if self.instance._state.adding:
            return cleaned_data
        opened = cleaned_data.get(OPENED)
        current = self.instance.version
        if opened != current:
            model = type(self.instance)
            self.stale_message = (
                describe_change(model, self.instance.pk, opened)
                if opened is not None
                else NO_VERSION.format(name=model._meta.verbose_name)
            )
            self.add_error(None, self.stale_message)
            # Shown again with the current version: saving again now is a choice made
            # knowing what changed.
            self.data = self.data.copy()
            self.data[self.add_prefix(OPENED)] = current
        else:
            self.instance.expect_version(opened, changed=self.has_changed())
        return cleaned_data


class VersionedInlineFormSet(BaseInlineFormSet):
    """A row ticked for deletion is not validated as a form: refuse the deletion of a row that
    changed since the page was opened here instead."""

    def clean(self):
        super().clean()
        for form in self.deleted_forms:
            stale = getattr(form, "stale_message", None)
            if stale:
                raise ValidationError(stale)


_form_classes = {}


def versioned_form(form_class):
    if issubclass(form_class, VersionedFormMixin):
        return form_class
    if form_class not in _form_classes:
        _form_classes[form_class] = type(
            form_class.__name__, (VersionedFormMixin, form_class), {"__module__": __name__}
        )
    return _form_classes[form_class]


def versioned_formset(formset_class):
    if issubclass(formset_class, VersionedInlineFormSet):
        return formset_class
    if formset_class not in _form_classes:
        _form_classes[formset_class] = type(
            formset_class.__name__,
            (VersionedInlineFormSet, formset_class),
            {"__module__": __name__},
        )
    return _form_classes[formset_class]


def with_opened_version(fieldsets):
    """The fieldsets with the hidden version field in the first one (the admin renders only
    the fields its fieldsets name)."""
    if OPENED in flatten_fieldsets(fieldsets):
        return fieldsets
    (name, options), *rest = fieldsets
    return [(name, {**options, "fields": [*options["fields"], OPENED]}), *rest]
