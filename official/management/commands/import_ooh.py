"""manage.py import_ooh [DIR]: the BLS Occupational Outlook Handbook pages, all or nothing."""

import sys
import time

from django.core.management import BaseCommand, CommandError
from tqdm import tqdm

from official.handbook import DEFAULT_DIR, HandbookFileError, read_pages
from official.handbook_import import write_pages
from official.models import HandbookPage


class Command(BaseCommand):
    help = (
        "Import the BLS Occupational Outlook Handbook pages (2024-34 edition): entry "
        "requirements, projections, openings, important qualities and similar occupations. DIR "
        "holds the .html.gz pages and their manifest.json (default: data/ooh-2025). Every file "
        "is checked against the manifest's SHA-256 and every page read before anything is "
        "written; a second run changes nothing; any failure leaves the database as it was."
    )

    def add_arguments(self, parser):
        parser.add_argument("dir", nargs="?", help="The folder of pages and manifest.json.")
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when pages are already imported (what `make run` uses).",
        )

    def handle(self, *args, dir=None, if_empty=False, verbosity=1, **options):
        if if_empty and HandbookPage.objects.exists():
            if verbosity:
                self.stdout.write(
                    "BLS Occupational Outlook Handbook already imported: left as it is."
                )
            return
        started = time.monotonic()
        try:
            pages = read_pages(dir or DEFAULT_DIR, progress=self.progress(verbosity))
        except HandbookFileError as error:
            raise CommandError(str(error)) from None
        summary = write_pages(pages)
        if verbosity:
            seconds = time.monotonic() - started
            result = (
                f"{summary.written:,} rows written, {summary.removed:,} removed"
                if summary.changed
                else "already up to date, nothing changed"
            )
            self.stdout.write(
                self.style.SUCCESS(
                    f"BLS Occupational Outlook Handbook 2024-34: {summary.pages} pages, "
                    f"{summary.projections} projections ({summary.linked} linked to an official "
                    f"occupation), {summary.qualities} qualities; {result} ({seconds:.1f} s)."
                )
            )

    def progress(self, verbosity):
        """A bar over the pages on a terminal; nothing when piped, quiet or under tests."""
        quiet = verbosity == 0 or not sys.stderr.isatty()
        return lambda pages: tqdm(
            pages, desc="Reading pages", unit="page", disable=quiet, file=sys.stderr, leave=False
        )
