import pytest
from django.core.management import call_command


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` runs, at the end of the block, what the block's writes scheduled for
    their commit (the stored medians, the page cache's content version): tests run inside one
    transaction that never commits."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def article_data(db, committed):
    """The article's data, loaded exactly as `make run` loads it, as it is once committed."""
    with committed():
        call_command("load_initial_data", verbosity=0)


@pytest.fixture
def official_data(article_data, tmp_path, committed):
    """The article's data and a small official release (tests/official/oews_file.py)."""
    from tests.official.oews_file import write_release

    with committed():
        call_command("import_oews", str(write_release(tmp_path)), verbosity=0)
