import pytest
from hypothesis import is_hypothesis_test

from .official.oews_file import write_release
from .snapshots import Snapshot, import_oews_release, load_article, restore


def pytest_collection_modifyitems(items):
    # Every Hypothesis test is in the fuzz tier, wherever it lives (docs/testing.md).
    for item in items:
        if is_hypothesis_test(getattr(item, "obj", None)):
            item.add_marker(pytest.mark.fuzz)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` runs, at the end of the block, what the block's writes scheduled for
    their commit (the stored medians, the page cache's content version): tests run inside one
    transaction that never commits."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


# The loaders run once per session (tests/snapshots.py); each test gets a copy of their rows.
@pytest.fixture(scope="session")
def article_snapshot(django_db_setup, django_db_blocker):
    return Snapshot.take(django_db_blocker, load_article)


@pytest.fixture(scope="session")
def official_snapshot(django_db_setup, django_db_blocker, article_snapshot):
    return Snapshot.take(
        django_db_blocker,
        lambda: import_oews_release(write_release),
        on=article_snapshot,
    )


@pytest.fixture
def article_data(db, committed, article_snapshot):
    """The article's data, loaded exactly as `make run` loads it, as it is once committed."""
    restore(article_snapshot, committed)


@pytest.fixture
def official_data(article_data, committed, official_snapshot):
    """The article's data and a small official release (tests/official/oews_file.py)."""
    restore(official_snapshot, committed)
