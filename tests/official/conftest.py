import pytest
from django.core.management import call_command

from official.handbook import read_pages
from official.handbook_import import write_pages
from tests.snapshots import Snapshot, import_oews_release, restore

from .pay_release import write_pay_release


@pytest.fixture
def import_release(committed):
    """import_release(path): runs import_oews as `make run` does, its writes committed."""

    def run(path):
        with committed():
            call_command("import_oews", str(path), verbosity=0)

    return run


@pytest.fixture(scope="session")
def pay_snapshot(django_db_setup, django_db_blocker, article_snapshot):
    return Snapshot.take(
        django_db_blocker,
        lambda: import_oews_release(write_pay_release),
        on=article_snapshot,
    )


@pytest.fixture
def pay_data(article_data, committed, pay_snapshot):
    """The article's data and the small made-up release of tests/official/pay_release.py."""
    restore(pay_snapshot, committed)


@pytest.fixture(scope="session")
def handbook_pages():
    """The bundled OOH pages, verified and parsed once for the whole run (read-only)."""
    return read_pages()


@pytest.fixture
def handbook_data(article_data, handbook_pages, committed):
    """The article's data and the OOH pages, written as import_ooh writes them."""
    with committed():
        write_pages(handbook_pages)
