import pytest
from django.core.management import call_command

from .oews_file import write_release


@pytest.fixture
def official_data(article_data, tmp_path, committed):
    """The article's data and a small official release (tests/official/oews_file.py)."""
    with committed():
        call_command("import_oews", str(write_release(tmp_path)), verbosity=0)
