"""Load the article's data (fixtures/*.json) into the database, all or nothing."""

import re
import warnings
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import BaseCommand, CommandError, call_command
from django.core.management.commands import loaddata
from django.db import DEFAULT_DB_ALIAS, transaction

from careers.models import Role
from core.content import announce_change
from core.history import record_first_versions

# Each file refers only to files before it (by slug), so each loads on its own and an
# error can be pinned to the file that caused it.
FIXTURE_FILES = (
    "sources.json",
    "stages.json",
    "skills.json",
    "companies.json",
    "official_occupations.json",
    "roles.json",
    "role_skills.json",
    "role_occupations.json",
    "salaries.json",
    "duties.json",
    "education_steps.json",
    "applications.json",
    "quotes.json",
    "outlook.json",
    "faq.json",
)

# loaddata prefixes its own errors with the fixture's full path; the file name is enough.
LOADDATA_PREFIX = re.compile(r"^Problem installing fixtures?(?: '[^']*')?:\s*")


# With forward references on, loaddata reports an unknown foreign key only as "X has no y".
UNKNOWN_KEY = re.compile(r"Error deserializing object: (\w+) has no (\w+)\.")


def one_line(error):
    return LOADDATA_PREFIX.sub("", " ".join(str(error).split()))


def plain_constraint_message(text):
    """Database errors name the broken constraint; editors need its plain-words message."""
    for model in apps.get_models():
        for constraint in model._meta.constraints:
            if re.search(rf"\b{re.escape(constraint.name)}\b", text):
                return constraint.get_violation_error_message()
    return None


def describe(error):
    """One line saying what went wrong, whichever layer raised it."""
    text = one_line(error)
    # JSON syntax errors arrive as an empty DeserializationError caused by the real error.
    if not text and error.__cause__ is not None:
        text = one_line(error.__cause__)
    text = text or type(error).__name__
    text = UNKNOWN_KEY.sub(r"a \1 refers to a \2 whose slug does not exist.", text)
    plain = plain_constraint_message(text)
    return f"{plain} ({text})" if plain else text


class Command(BaseCommand):
    help = (
        "Load the source article's data from the fixture files, in one transaction. "
        "Safe to run again: rows are matched by slug and updated, never duplicated. "
        "If any file is broken, nothing is changed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--fixture-dir",
            default=None,
            help="Folder holding the fixture files (default: the first of settings.FIXTURE_DIRS).",
        )
        parser.add_argument(
            "--database",
            default=DEFAULT_DB_ALIAS,
            help='Database to load into (default: "default").',
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Load only into a database with no roles yet, so that `make run` never "
            "overwrites what editors changed in the admin.",
        )

    def handle(self, *args, fixture_dir=None, database=DEFAULT_DB_ALIAS, verbosity=1, **options):
        if options.get("if_empty") and Role.objects.using(database).exists():
            if verbosity >= 1:
                self.stdout.write(
                    "The database already has the guide's data: left as it is "
                    "(run load_initial_data without --if-empty to reload the article)."
                )
            return
        folder = Path(fixture_dir or settings.FIXTURE_DIRS[0])
        missing = [name for name in FIXTURE_FILES if not (folder / name).is_file()]
        if missing:
            raise CommandError(f"{', '.join(missing)}: fixture file not found in {folder}.")

        total = 0
        with transaction.atomic(using=database):
            for name in FIXTURE_FILES:
                loader = loaddata.Command()
                try:
                    with warnings.catch_warnings():
                        # An empty or objectless file is a broken file, not a warning.
                        warnings.filterwarnings(
                            "error", message="No fixture data found", category=RuntimeWarning
                        )
                        call_command(loader, str(folder / name), database=database, verbosity=0)
                except Exception as error:
                    # Leaving the atomic block with an exception rolls back every file.
                    raise CommandError(f"{name}: {describe(error)}") from error
                total += loader.loaded_object_count
            # Fixture rows send post_save (raw) too; say it once here rather than rely on that.
            announce_change(using=database)
            # Raw saves leave no history: give each new row its first version, so that an
            # editor's first change to it can be reverted. Rows that have one keep theirs.
            record_first_versions(
                [
                    model
                    for label in settings.PAGE_CACHE_CONTENT_APPS
                    for model in apps.get_app_config(label).get_models()
                ],
                using=database,
                reason="Loaded from the source article",
            )

        if verbosity >= 1:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Loaded {total} objects from {len(FIXTURE_FILES)} fixture files in {folder}."
                )
            )
