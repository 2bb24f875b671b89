"""A version number on every content row, so that no save silently overwrites another.

Every write of a row counts: a save (a form, a revert, an import, a fixture reload) and a
`QuerySet.update()` of fields editors edit raise its `version` by one, in the UPDATE itself. A
form remembers the version it was opened at (core/stale_forms.py) and hands it to the save,
which then writes only `WHERE version = <that number>`: of two concurrent saves from forms
opened at the same version, the second matches no row and raises `StaleEdit` inside its
transaction, so it can never win. The database, not a read before the write, decides.

The number is kept in the history (django-simple-history) like any field, but never restored
from it: a revert writes the next number, and a deleted record brought back gets a number
above any it had before, so a form opened before the deletion stays stale.
"""

import operator
from functools import reduce

from django.core.exceptions import FieldDoesNotExist
from django.db import IntegrityError, models, transaction
from django.db.models import Case, F, Max, Q, When

from .history import is_tracked

# What an editor's form says when it was opened on a record that did not exist (a deleted
# record's history page, where it can be restored).
ABSENT = 0


def _raised_if_changed(values):
    """The version plus one where any of `values` (the UPDATE's (field, model, value) triples)
    that an editor edits differs from what the row holds, else the version as it is (stored
    figures recomputed by the site, such as Role.median_pay, are not edits)."""
    differs = [~Q(**{field.attname: value}) for field, _model, value in values if field.editable]
    if not differs:
        return F("version")
    return Case(
        When(reduce(operator.or_, differs), then=F("version") + 1),
        default=F("version"),
        output_field=models.PositiveIntegerField(),
    )


class StaleEdit(Exception):
    """The row changed (or appeared, or went) since the form that saves it was opened."""


def is_versioned(model):
    return issubclass(model, Versioned)


class VersionedQuerySet(models.QuerySet):
    """`update()` of anything an editor edits counts as a save of every row it touches.

    Stored figures recomputed from other rows (editable=False, such as Role.median_pay) are not
    an edit: updating only those leaves the version alone, so an open form stays valid.
    """

    def update(self, **kwargs):
        if is_versioned(self.model) and "version" not in kwargs and self._edits(kwargs):
            kwargs["version"] = F("version") + 1
        return super().update(**kwargs)

    def _edits(self, kwargs):
        opts = self.model._meta
        for name in kwargs:
            try:
                field = opts.get_field(name)
            except FieldDoesNotExist:
                return True
            if field.editable:
                return True
        return False


class Versioned(models.Model):
    version = models.PositiveIntegerField(
        default=1,
        editable=False,
        help_text="Raised by one at every save; a form opened at an older number cannot save.",
    )

    class Meta:
        abstract = True

    def expect_version(self, version, *, changed=True):
        """Make the next save write only if the row is still at `version` (what the form was
        opened at; ABSENT for a deleted record being restored). `changed=False` (a form saved
        with nothing changed) keeps the number, so others' open forms stay valid."""
        self._expected_version = version
        self._version_changes = changed

    def _do_update(self, base_qs, using, pk_val, values, update_fields, forced_update):
        expected = getattr(self, "_expected_version", None)
        bump = expected is None or getattr(self, "_version_changes", True)
        field = self._meta.get_field("version")
        # The number is never written from the instance (a reverted version carries an old
        # one): it is the database's, plus one.
        values = [value for value in values if value[0] is not field]
        if expected is None:
            # A save from code or a fixture counts only if it changes the row: loading the
            # same data again is not an edit.
            version = _raised_if_changed(values)
        else:
            version = F("version") + 1 if bump else F("version")
        values.append((field, None, version))
        if expected is not None:
            base_qs = base_qs.filter(version=expected)
        updated = super()._do_update(base_qs, using, pk_val, values, update_fields, forced_update)
        if expected is None:
            if updated:
                self.version = base_qs.filter(pk=pk_val).values_list("version", flat=True).first()
            return updated
        if updated:
            self.version = expected + 1 if bump else expected
            self._expected_version = None
            return updated
        exists = base_qs.model._base_manager.using(using).filter(pk=pk_val).exists()
        if exists or expected != ABSENT:
            raise StaleEdit(
                f"{self._meta.verbose_name} {pk_val} is no longer at version {expected}"
            )
        return updated  # a deleted record restored: Django inserts it next

    def _do_insert(self, manager, using, fields, returning_fields, raw):
        if raw or self.pk is None:
            return super()._do_insert(manager, using, fields, returning_fields, raw)
        # A record brought back under its old key: above every number it had, so a form
        # opened before it was deleted cannot save over it.
        self.version = self._highest_known_version(using) + 1
        if getattr(self, "_expected_version", None) is None:
            return super()._do_insert(manager, using, fields, returning_fields, raw)
        try:
            with transaction.atomic(using=using):
                inserted = super()._do_insert(manager, using, fields, returning_fields, raw)
        except IntegrityError:
            # Restored by someone else in the meantime.
            raise StaleEdit(f"{self._meta.verbose_name} {self.pk} was restored meanwhile") from None
        self._expected_version = None
        return inserted

    def _highest_known_version(self, using):
        if not is_tracked(type(self)):
            return 0
        history = getattr(type(self), self._meta.simple_history_manager_attribute)
        pk = self._meta.pk.attname
        highest = (
            history.using(using)
            .filter(**{pk: self.pk})
            .aggregate(highest=Max("version"))["highest"]
        )
        return highest or 0
