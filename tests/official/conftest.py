import pytest
from django.core.management import call_command

from .oews_file import build_oews_file


@pytest.fixture
def import_oews(committed):
    """import_oews(path): runs the command as `make run` does, with its writes committed."""

    def run(path):
        with committed():
            call_command("import_oews", str(path), verbosity=0)

    return run


@pytest.fixture
def official_data(article_data, import_oews, tmp_path):
    """The article's data and the small made-up OEWS release of tests/official/oews_file.py."""
    import_oews(build_oews_file(tmp_path / "oews"))
