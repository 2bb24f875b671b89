"""The article's data for live-server tests, loaded once per run and copied back in per test.

Live-server tests need a transactional database, which is emptied after every test. Running
`load_initial_data` (fourteen loaddata passes) and `import_oews` (a small release) before each of them costs about 1.5 s on
PostgreSQL; the first test runs the real command and later ones bulk-insert the same rows.
"""

import tempfile

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

from tests.official.oews_file import write_release

APPS = ("careers", "official", "faq")
_snapshot = []


def _models():
    # Auto-created models are the many-to-many tables (next roles, hiring companies, ...).
    for label in APPS:
        yield from apps.get_app_config(label).get_models(include_auto_created=True)


def load_site_data():
    if not _snapshot:
        call_command("load_initial_data", verbosity=0)
        with tempfile.TemporaryDirectory() as folder:
            call_command("import_oews", str(write_release(folder)), verbosity=0)
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
