"""manage.py import_oews [PATH]: the official BLS OEWS wages, all or nothing."""

import sys
import time

from django.core.management import BaseCommand, CommandError
from tqdm import tqdm

from official.importer import read_release, write_release
from official.models import Occupation, Release
from official.oews import PACKAGE, OewsFileError, default_path, open_release


class Command(BaseCommand):
    help = (
        "Import the BLS OEWS wage estimates (cross-industry; the nation, every state and "
        "territory, every metropolitan and nonmetropolitan area) for every detailed occupation "
        "of SOC group 15-0000 and every occupation a role is mapped to. PATH is an .sqlite or "
        ".sqlite.gz file with manifest.json beside it (default: the file bundled by "
        f"{PACKAGE}, as requirements-data.txt pins it). Checked against the manifest's SHA-256 first; a second "
        "run changes nothing; any failure leaves the database as it was."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="The .sqlite or .sqlite.gz file.")
        parser.add_argument(
            "--manifest", help="The manifest.json to check against (default: beside the file)."
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help=(
                "Do nothing when a release is already imported whole (what `make run` uses); "
                "a release a migration marked for reading again is read again."
            ),
        )

    def handle(self, *args, path=None, manifest=None, if_empty=False, verbosity=1, **options):
        if if_empty and Release.objects.imported_whole().exists():
            if verbosity:
                self.stdout.write("Official BLS data already imported: left as it is.")
            return
        started = time.monotonic()
        try:
            path = path or default_path()
            if path is None:
                raise OewsFileError(
                    f"{PACKAGE} is not installed and no PATH was given: run "
                    "`make` (it installs the data file) or give the file's path."
                )
            with open_release(path, manifest) as (connection, info):
                known = Occupation.objects.values_list("soc_code", flat=True)
                data = read_release(connection, list(known), progress=self.progress(verbosity))
        except OewsFileError as error:
            raise CommandError(str(error)) from None
        summary = write_release(info, data)
        for code in summary.missing:
            self.stderr.write(f"Warning: occupation {code} is not in this release; no figures.")
        if verbosity:
            seconds = time.monotonic() - started
            if summary.changed:
                result = (
                    f"{summary.created:,} estimates added, {summary.updated:,} changed, "
                    f"{summary.removed:,} removed"
                )
            else:
                result = "already up to date, nothing changed"
            self.stdout.write(
                self.style.SUCCESS(
                    f"BLS OEWS {info.name} (release {info.code}, data file dated {info.published_on}): "
                    f"{summary.areas:,} areas, {summary.occupations:,} occupations, "
                    f"{summary.estimates:,} estimates; {result} ({seconds:.1f} s)."
                )
            )

    def progress(self, verbosity):
        """A bar over the areas on a terminal; nothing when piped, quiet or under tests."""
        quiet = verbosity == 0 or not sys.stderr.isatty()
        return lambda areas: tqdm(
            areas, desc="Reading areas", unit="area", disable=quiet, file=sys.stderr, leave=False
        )
