"""The article's data for live-server tests, loaded once per run and copied back in per test.

Live-server tests need a transactional database, which is emptied after every test. Running
`load_initial_data` (fourteen loaddata passes) and `import_oews` (a small release) before each of them costs about 1.5 s on
PostgreSQL; the first test runs the real command and later ones bulk-insert the same rows.
"""

import tempfile
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

from tests.official.pay_release import write_combined_release

APPS = ("core", "careers", "official", "faq")
_snapshot = []


def _models():
    # Auto-created models are the many-to-many tables (next roles, hiring companies, ...).
    for label in APPS:
        yield from apps.get_app_config(label).get_models(include_auto_created=True)


def import_official_data():
    """A made-up OEWS release small enough to copy per test: tests/official/oews_file.py's
    (the role list's official pay) with every state the pay map places and two pages of metro
    areas added (tests/official/pay_release.py)."""
    with tempfile.TemporaryDirectory(prefix="e2e-oews-") as folder:
        call_command("import_oews", str(write_combined_release(Path(folder))), verbosity=0)


def load_site_data():
    if not _snapshot:
        call_command("load_initial_data", verbosity=0)
        import_official_data()
        call_command("import_ooh", verbosity=0)  # the bundled OOH pages, as `make run` does
        _snapshot.extend((model, list(model._base_manager.all())) for model in _models())
        return
    # Foreign keys are checked at commit (Django creates them deferrable), so order is free.
    with transaction.atomic():
        for model, rows in _snapshot:
            model._base_manager.bulk_create(rows)
        # Rows keep their primary keys; move each sequence past them as loaddata does.
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [m for m, _ in _snapshot]):
                cursor.execute(sql)
