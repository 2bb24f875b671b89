import pytest
from django.core.management import call_command

from official.handbook import read_pages
from official.handbook_import import write_pages

from .pay_release import write_pay_release


@pytest.fixture
def import_release(committed):
    """import_release(path): runs import_oews as `make run` does, its writes committed."""

    def run(path):
        with committed():
            call_command("import_oews", str(path), verbosity=0)

    return run


@pytest.fixture
def pay_data(article_data, import_release, tmp_path):
    """The article's data and the small made-up release of tests/official/pay_release.py."""
    import_release(write_pay_release(tmp_path / "pay"))


@pytest.fixture(scope="session")
def handbook_pages():
    """The bundled OOH pages, verified and parsed once for the whole run (read-only)."""
    return read_pages()


@pytest.fixture
def handbook_data(article_data, handbook_pages, committed):
    """The article's data and the OOH pages, written as import_ooh writes them."""
    with committed():
        write_pages(handbook_pages)
