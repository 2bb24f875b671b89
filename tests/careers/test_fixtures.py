"""load_initial_data: loads every fixture, is idempotent, and is all-or-nothing on bad files."""

import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import CommandError, call_command

from careers.management.commands.load_initial_data import FIXTURE_FILES

FIXTURE_DIR = Path(settings.FIXTURE_DIRS[0])
PROJECT_DIR = Path(settings.BASE_DIR)


def dump():
    out = io.StringIO()
    call_command(
        "dumpdata",
        "core",
        "careers",
        "official",
        "faq",
        natural_foreign=True,
        natural_primary=True,
        indent=1,
        stdout=out,
    )
    return out.getvalue()


def fixture_objects():
    for name in FIXTURE_FILES:
        for obj in json.loads((FIXTURE_DIR / name).read_text(encoding="utf-8")):
            yield name, obj


def test_every_fixture_file_is_loaded():
    assert sorted(FIXTURE_FILES) == sorted(p.name for p in FIXTURE_DIR.glob("*.json"))


def test_fixtures_use_natural_keys_only():
    for name, obj in fixture_objects():
        assert "pk" not in obj, f"{name}: {obj['fields']}"
        model = apps.get_model(obj["model"])
        for field in model._meta.get_fields():
            value = obj["fields"].get(field.name)
            if field.many_to_one and value is not None:
                assert isinstance(value, list), f"{name}: {field.name} is not a natural key"
            if field.many_to_many and value is not None:
                assert all(isinstance(key, list) for key in value), f"{name}: {field.name}"


def test_loads_every_object_in_the_files(article_data):
    expected = Counter(obj["model"] for _, obj in fixture_objects())
    for label, count in expected.items():
        assert apps.get_model(label).objects.count() == count, label


def test_loading_twice_changes_nothing(article_data, committed):
    before = dump()
    with committed():
        call_command("load_initial_data", verbosity=0)
    assert dump() == before


def test_reports_what_it_loaded(db):
    out = io.StringIO()
    call_command("load_initial_data", stdout=out)
    total = sum(1 for _ in fixture_objects())
    assert f"Loaded {total} objects from {len(FIXTURE_FILES)} fixture files" in out.getvalue()


def test_dump_flush_load_round_trip(db, tmp_path):
    # Loaded without running its on-commit work: PostgreSQL refuses to TRUNCATE (flush) rows
    # that the median refresh updated after they were inserted in this same transaction.
    call_command("load_initial_data", verbosity=0)
    before = dump()
    dumped = tmp_path / "dump.json"
    dumped.write_text(before, encoding="utf-8")
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    assert json.loads(dump()) == []
    call_command("loaddata", str(dumped), verbosity=0)
    assert dump() == before


def _edit(name, change):
    def breaker(folder):
        path = folder / name
        objects = json.loads(path.read_text(encoding="utf-8"))
        change(objects)
        path.write_text(json.dumps(objects), encoding="utf-8")

    return breaker


def _write(name, text):
    def breaker(folder):
        (folder / name).write_text(text, encoding="utf-8")

    return breaker


def _set(index, **fields):
    return lambda objects: objects[index]["fields"].update(fields)


def _copy_title(objects):
    objects[1]["fields"]["title"] = objects[0]["fields"]["title"]


BREAKERS = {
    "truncated JSON": ("salaries.json", _write("salaries.json", '[{"model": "careers.salary", ')),
    "empty file": ("quotes.json", _write("quotes.json", "")),
    "no objects": ("faq.json", _write("faq.json", "[]")),
    "unknown model": ("duties.json", _edit("duties.json", lambda o: o[0].update(model="x.y"))),
    "unknown field": ("sources.json", _edit("sources.json", _set(0, colour="red"))),
    "unknown foreign key": ("salaries.json", _edit("salaries.json", _set(0, role=["nobody"]))),
    "unknown many-to-many key": (
        "roles.json",
        _edit("roles.json", _set(0, next_roles=[["nobody"]])),
    ),
    "unknown FAQ role": ("faq.json", _edit("faq.json", _set(0, related_roles=[["nobody"]]))),
    "not a number": ("salaries.json", _edit("salaries.json", _set(0, median="lots"))),
    "low above high": ("salaries.json", _edit("salaries.json", _set(-1, low=999_999))),
    "no pay figure": ("salaries.json", _edit("salaries.json", _set(0, median=None))),
    "negative outlook value": ("outlook.json", _edit("outlook.json", _set(0, value="-1"))),
    "duplicate title": ("roles.json", _edit("roles.json", _copy_title)),
    "missing file": ("applications.json", lambda folder: (folder / "applications.json").unlink()),
}


@pytest.fixture
def broken_dir(tmp_path):
    folder = tmp_path / "fixtures"
    shutil.copytree(FIXTURE_DIR, folder)
    return folder


# Loading takes seconds, so the already-loaded database is tried with one case per kind of
# failure: syntax, unknown key, database constraint, and a file late in the load order.
PRELOADED_CASES = ["truncated JSON", "unknown foreign key", "low above high", "unknown FAQ role"]


@pytest.mark.parametrize(
    ("case", "preloaded"),
    [(case, False) for case in BREAKERS] + [(case, True) for case in PRELOADED_CASES],
    ids=[f"{case}-empty-db" for case in BREAKERS]
    + [f"{case}-loaded-db" for case in PRELOADED_CASES],
)
def test_broken_fixture_fails_in_one_line_and_changes_nothing(db, broken_dir, case, preloaded):
    name, breaker = BREAKERS[case]
    breaker(broken_dir)
    if preloaded:
        call_command("load_initial_data", verbosity=0)
    before = dump()

    with pytest.raises(CommandError) as excinfo:
        call_command("load_initial_data", fixture_dir=str(broken_dir), verbosity=0)

    message = str(excinfo.value)
    assert message.startswith(f"{name}: ")
    assert "\n" not in message
    assert len(message) > len(name) + 2
    assert dump() == before


def test_constraint_errors_are_given_in_plain_words(db, broken_dir):
    # Glassdoor's row (average 168,730, high 215,000): only the low/average check fails.
    _edit("salaries.json", _set(-1, low=200_000))(broken_dir)
    with pytest.raises(CommandError, match="The low figure cannot be above the average figure."):
        call_command("load_initial_data", fixture_dir=str(broken_dir), verbosity=0)


def _manage(*args, database):
    # A file database of its own: the test database is invisible to a child process.
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": "careerguide.settings.test",
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _row_counts(database):
    with sqlite3.connect(database) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND (name LIKE 'careers_%' OR name LIKE 'faq_%')"
            )
        ]
        return {t: connection.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}


@pytest.mark.slow  # two manage.py subprocesses
def test_command_line_failure_is_one_stderr_line_and_exit_status_1(tmp_path, broken_dir):
    database = tmp_path / "cli.sqlite3"
    assert _manage("migrate", "--no-input", "-v0", database=database).returncode == 0
    loaded = _manage("load_initial_data", database=database)
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stderr == ""
    counts = _row_counts(database)
    assert counts["careers_role"] > 0

    BREAKERS["unknown foreign key"][1](broken_dir)
    failed = _manage("load_initial_data", "--fixture-dir", str(broken_dir), database=database)

    assert failed.returncode == 1
    lines = failed.stderr.splitlines()
    assert len(lines) == 1, failed.stderr
    assert lines[0].startswith("CommandError: salaries.json: ")
    assert _row_counts(database) == counts


def test_if_empty_leaves_an_editors_changes_alone(article_data):
    from careers.models import Salary

    salary = Salary.objects.get(role__slug="data-scientist", source__slug="article")
    salary.median = 170_000
    salary.save()
    call_command("load_initial_data", "--if-empty", verbosity=0)
    salary.refresh_from_db()
    assert salary.median == 170_000
    call_command("load_initial_data", verbosity=0)
    salary.refresh_from_db()
    assert salary.median == 165_029
