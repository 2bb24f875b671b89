"""Test data loaded once per session and copied into each test that asks for it.

`load_initial_data` (fourteen loaddata passes and a first version of every row) and
`import_oews` are slow to run for every test that needs their data. A snapshot runs such a
loader once, in a transaction it rolls back, and keeps what the loader wrote: the rows it added
or changed and the keys of the rows it deleted, model by model. Restoring it is a few bulk
inserts, inside the test's own transaction (rolled back after the test like any of its writes)
or, for a transactional test, committed and flushed after it like any of its writes. Either way
the database between tests stays empty.
"""

import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.test import TestCase

from core.content import announce_change


def load_article():
    call_command("load_initial_data", verbosity=0)


def import_oews_release(write):
    """Runs import_oews on the release `write(folder)` writes, in a folder of its own."""
    with tempfile.TemporaryDirectory(prefix="oews-") as folder:
        call_command("import_oews", str(write(Path(folder))), verbosity=0)


def _tables():
    """Every model that owns a table: many-to-many tables included, proxies left out."""
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]


def _columns(model):
    return [field.attname for field in model._meta.concrete_fields]


def _rows(model, using):
    """{primary key: row} for one table, each row a tuple in `_columns` order."""
    pk_index = _columns(model).index(model._meta.pk.attname)
    rows = model._base_manager.using(using).values_list(*_columns(model))
    return {row[pk_index]: row for row in rows}


@dataclass
class TableChanges:
    model: type
    added: list
    changed: list
    deleted: list

    def instances(self, rows):
        columns = _columns(self.model)
        return [self.model(**dict(zip(columns, row, strict=True))) for row in rows]


def _counts(models, using):
    return {model: model._base_manager.using(using).count() for model in models}


class Snapshot:
    """What `load()` wrote to the database, ready to be written again."""

    def __init__(self, load, tables, base):
        self.load = load
        self.tables = tables
        # Row counts, just before `load` ran, of the tables it or what it builds on wrote.
        self.base = base

    @classmethod
    def take(cls, django_db_blocker, load, on=None, using=DEFAULT_DB_ALIAS):
        """Runs `load` in a transaction that is rolled back, its on-commit callbacks run as if
        it had committed (the stored medians), and keeps the difference it made. A snapshot
        `on` another is taken after restoring that one, not after running its loader again: on
        PostgreSQL a second run would number the rows differently (sequences never go back)."""
        with django_db_blocker.unblock(), transaction.atomic(using=using):
            if on is not None:
                on.restore(using)
            before = {model: _rows(model, using) for model in _tables()}
            with TestCase.captureOnCommitCallbacks(using=using, execute=True):
                load()
            tables = []
            for model, old in before.items():
                new = _rows(model, using)
                changes = TableChanges(
                    model,
                    added=[row for pk, row in new.items() if pk not in old],
                    changed=[row for pk, row in new.items() if pk in old and old[pk] != row],
                    deleted=[pk for pk in old if pk not in new],
                )
                if changes.added or changes.changed or changes.deleted:
                    tables.append(changes)
            transaction.set_rollback(True, using=using)
        watched = {table.model for table in tables} | set(on.base if on else ())
        return cls(load, tables, {model: len(before[model]) for model in watched})

    def apply(self, using=DEFAULT_DB_ALIAS):
        """Writes what `load()` wrote. A test that has rows of its own in these tables by now
        (its factories ran first) gets `load()` itself, which may match or number rows
        differently."""
        if _counts(self.base, using) == self.base:
            self.restore(using)
        else:
            self.load()

    def restore(self, using=DEFAULT_DB_ALIAS):
        """Writes the snapshot's rows with their own primary keys. Foreign keys are checked at
        commit (Django creates them deferrable), so the order of the tables does not matter."""
        with transaction.atomic(using=using):
            for table in self.tables:
                manager = table.model._base_manager.db_manager(using)
                if table.deleted:
                    manager.filter(pk__in=table.deleted)._raw_delete(using)
                if table.changed:
                    fields = [
                        f.name for f in table.model._meta.concrete_fields if not f.primary_key
                    ]
                    manager.bulk_update(table.instances(table.changed), fields)
                if table.added:
                    manager.bulk_create(table.instances(table.added))
            # The rows keep their keys: move each sequence past them (PostgreSQL; SQLite's
            # AUTOINCREMENT follows by itself), as loaddata does, so later inserts never collide.
            connection = connections[using]
            statements = connection.ops.sequence_reset_sql(
                no_style(), [table.model for table in self.tables if table.added]
            )
            if statements:
                with connection.cursor() as cursor:
                    cursor.execute("\n".join(statements))


def restore(snapshot, committed):
    """Applies a snapshot to the test's database as it is once committed (`committed` is the
    fixture): the page cache hears of the change, as it does from the loaders themselves."""
    with committed():
        snapshot.apply()
        announce_change()
