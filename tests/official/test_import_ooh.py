"""manage.py import_ooh: every figure against the pages, a second run changes nothing, a
failure changes nothing, and one clear line for every kind of bad file or page."""

import io
import re
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from core.content import content_changed
from official.models import (
    HandbookPage,
    HandbookProjection,
    Occupation,
    PageQuality,
    Quality,
    SimilarOccupation,
)

from .ooh_pages import (
    DATA,
    copy_with,
    files,
    number,
    plain,
    projection_rows,
    quick_fact,
    raw,
    reseal,
)

MODELS = (HandbookPage, HandbookProjection, Quality, PageQuality, SimilarOccupation)


def snapshot():
    return {model.__name__: sorted(map(repr, model.objects.values_list())) for model in MODELS}


def run(*args, **options):
    out = io.StringIO()
    call_command("import_ooh", *map(str, args), stdout=out, stderr=io.StringIO(), **options)
    return out.getvalue()


@pytest.fixture
def signals():
    sent = []

    def receiver(**kwargs):
        sent.append(kwargs)

    content_changed.connect(receiver)
    yield sent
    content_changed.disconnect(receiver)


def test_every_projection_and_quick_fact_matches_the_pages(db):
    run()
    assert HandbookPage.objects.count() == len(files()) == 18
    for entry in files():
        page = raw(entry["file"])
        stored = HandbookPage.objects.get(url=entry["page"])
        assert stored.title == entry["title"]
        assert stored.entry_education == quick_fact(page, "qf-education")
        assert stored.work_experience == quick_fact(page, "qf-experience")
        assert stored.on_the_job_training == quick_fact(page, "qf-training")
        percent, phrase = re.fullmatch(
            r"(-?\d+)% \((.+)\)", quick_fact(page, "qf-outlook")
        ).groups()
        assert stored.outlook_phrase == phrase
        openings = re.search(r"bout ([\d,]+) openings for", plain(page)).group(1)
        assert stored.openings_per_year == number(openings)
        rows = projection_rows(page)
        projections = list(stored.projections.all())
        assert len(projections) == len(rows)
        for projection, row in zip(projections, rows, strict=True):
            code = "" if row[1] == "—" else row[1]
            assert (projection.title, projection.soc_code) == (row[0], code)
            assert [
                projection.employment_2024,
                projection.employment_2034,
                projection.change_percent,
                projection.change_number,
            ] == [number(value) for value in row[2:6]]
        # The page's row is what its Quick Facts print (the group's on a group page).
        assert projections[0].employment_2024 == number(quick_fact(page, "qf-number-jobs"))
        assert projections[0].change_percent == int(percent)
        assert projections[0].change_number == number(quick_fact(page, "qf-emp-change"))
        pay = quick_fact(page, "qf-wage").split(" per year")[0]
        assert projections[0].median_pay_2024 == number(pay)
        assert stored.last_modified.isoformat() == "2025-08-28"


def test_pay_tab_medians_are_matched_by_title(db):
    """Read by hand from the pages' Pay tabs (which name occupations, not codes)."""
    run()
    medians = dict(HandbookProjection.objects.values_list("title", "median_pay_2024"))
    assert medians["Software developers, quality assurance analysts, and testers"] == 131450
    assert medians["Software developers"] == 133080
    assert medians["Software quality assurance analysts and testers"] == 102610
    assert medians["Computer support specialists"] == 61550
    assert medians["Computer user support specialists"] == 60340
    assert medians["Data scientists"] == 112590
    for entry in files():
        pay_tab = raw(entry["file"]).split('id="tab-5"')[1].split('id="tab-6"')[0]
        for projection in HandbookProjection.objects.filter(page__url=entry["page"]):
            assert f"${projection.median_pay_2024:,}" in pay_tab


def test_the_pages_quirks(db):
    run()
    # Three pages say "Despite declining employment, about N openings".
    declining = HandbookPage.objects.filter(projections__order=0, projections__change_percent__lt=0)
    assert sorted(declining.values_list("title", flat=True)) == [
        "Computer programmers",
        "Computer support specialists",
        "Network and computer systems administrators",
    ]
    assert HandbookPage.objects.get(title="Computer programmers").openings_per_year == 5500
    # "See How to Become One" is kept as printed, never turned into a value.
    support = HandbookPage.objects.get(title="Computer support specialists")
    assert support.entry_education == "See How to Become One"
    databases = HandbookPage.objects.get(title="Database administrators and architects")
    assert databases.work_experience == "See How to Become One"
    # A group row with a code (15-1230) and group rows with a dash.
    assert support.projections.get(order=0).soc_code == "15-1230"
    group = HandbookProjection.objects.get(
        title="Software developers, quality assurance analysts, and testers"
    )
    assert (group.order, group.soc_code) == (0, "")
    assert group.page.projections.count() == 3


def test_quality_spellings_of_one_name_are_merged_and_no_others(db):
    run()
    # Read by hand from the pages: "<strong>Analytical</strong> <strong>skills.</strong>" is
    # one name; "Logical thinking." is BLS's other spelling of "Logical-thinking skills".
    managers = HandbookPage.objects.get(title="Computer and information systems managers")
    assert [q.quality.name for q in managers.page_qualities.all()] == [
        "Analytical skills",
        "Communication skills",
        "Computer skills",
        "Decision-making skills",
        "Leadership skills",
        "Problem-solving skills",
    ]
    scientists = HandbookPage.objects.get(title="Computer and information research scientists")
    printed = dict(scientists.page_qualities.values_list("quality__name", "printed_as"))
    assert printed["Logical-thinking skills"] == "Logical thinking."
    names = set(Quality.objects.values_list("name", flat=True))
    assert {"Creativity", "Creative skills", "Logical-thinking skills"} <= names
    assert not {"Analytical", "Logical thinking", "Detail oriented ."} & names
    assert Quality.objects.get(name="Detail oriented").slug == "detail-oriented"
    # One quality per paragraph that starts in bold under Important Qualities, in its order.
    for entry in files():
        section = raw(entry["file"]).split(">Important Qualities<")[1].split("<h3")[0]
        paragraphs = [
            plain(p) for p in re.findall(r"<p>(.*?)</p>", section, re.DOTALL) if "<strong" in p[:20]
        ]
        stored = list(HandbookPage.objects.get(url=entry["page"]).page_qualities.all())
        assert len(stored) == len(paragraphs)
        for quality, paragraph in zip(stored, paragraphs, strict=True):
            assert paragraph.startswith(quality.printed_as.rstrip(". "))


def test_similar_occupations_as_printed(db):
    run()
    similar = SimilarOccupation.objects.filter(page__title="Data scientists")
    for entry in files():
        page = raw(entry["file"])
        table = page.split('id="similar-occupations"')[1].split("</table>")[0]
        titles = [
            plain(t) for t in re.findall(r'<strong style="font-size:1.1em">(.*?)</strong>', table)
        ]
        stored = SimilarOccupation.objects.filter(page__url=entry["page"])
        assert list(stored.values_list("title", flat=True)) == titles
    row = similar.get(title="Mathematicians and Statisticians")
    assert row.url == "https://www.bls.gov/ooh/math/mathematicians-and-statisticians.htm"
    assert (row.entry_education, row.median_pay_2024) == ("Master's degree", 104350)
    assert row.median_pay_text == "$104,350"


def test_projections_link_to_known_occupations_and_keep_other_codes(db):
    data_scientists = Occupation.objects.create(soc_code="15-2051", title="Data Scientists")
    run()
    assert HandbookProjection.objects.get(soc_code="15-2051").occupation == data_scientists
    actuaries = HandbookProjection.objects.get(soc_code="15-2011")
    assert actuaries.occupation is None
    # An occupation imported later is linked by the next run.
    Occupation.objects.create(soc_code="15-2011", title="Actuaries")
    run()
    assert HandbookProjection.objects.get(soc_code="15-2011").occupation.title == "Actuaries"


def test_a_second_run_writes_nothing_and_keeps_the_page_cache(db, signals):
    first = run()
    assert "rows written" in first
    assert len(signals) == 1
    before = snapshot()
    second = run()
    assert "already up to date, nothing changed" in second
    assert snapshot() == before
    assert len(signals) == 1


def test_if_empty_leaves_an_import_alone(db):
    run()
    HandbookPage.objects.filter(title="Actuaries").update(openings_per_year=1)
    assert "already imported" in run("--if-empty")
    assert HandbookPage.objects.get(title="Actuaries").openings_per_year == 1


def test_a_changed_figure_is_corrected(db, signals):
    run()
    HandbookProjection.objects.filter(soc_code="15-2051").update(change_percent=99)
    assert "1 rows written" in run()
    assert HandbookProjection.objects.get(soc_code="15-2051").change_percent == 34


def tampered(tmp_path):
    def flip(data):
        return data[:100] + bytes([data[100] ^ 1]) + data[101:]

    return copy_with(tmp_path, "data-scientists.html.gz", gz_bytes=flip)


def truncated(tmp_path):
    folder = copy_with(tmp_path, "data-scientists.html.gz", gz_bytes=lambda data: data[:-200])
    reseal(folder, "data-scientists.html.gz")  # the checksum passes; the gzip stream ends early
    return folder


def missing(tmp_path):
    folder = copy_with(tmp_path)
    (folder / "actuaries.html.gz").unlink()
    return folder


def without_projections_table(tmp_path):
    return copy_with(
        tmp_path,
        "software-developers.html.gz",
        change=lambda page: page.replace('id="outlook-table"', 'id="another-table"'),
    )


def without_qualities(tmp_path):
    return copy_with(
        tmp_path,
        "web-developers.html.gz",
        change=lambda page: page.replace(">Important Qualities<", ">Qualities<"),
    )


def pay_tab_renamed(tmp_path):
    return copy_with(
        tmp_path,
        "mathematicians-and-statisticians.html.gz",
        change=lambda page: page.replace("Statisticians </span></dt>", "Others </span></dt>"),
    )


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (tampered, "data-scientists.html.gz does not match its manifest"),
        (truncated, "data-scientists.html.gz is truncated or not a gzip file"),
        (missing, "Missing file: actuaries.html.gz"),
        (
            without_projections_table,
            "software-developers.html.gz: no table with id='outlook-table'",
        ),
        (without_qualities, "web-developers.html.gz: How to Become One has no Important Qualities"),
        (pay_tab_renamed, "the Pay chart has no median for 'Statisticians'"),
    ],
)
def test_a_bad_file_or_page_changes_nothing(db, tmp_path, signals, make, message):
    run()
    HandbookPage.objects.filter(title="Actuaries").update(openings_per_year=1)
    before = snapshot()
    with pytest.raises(CommandError, match=re.escape(message)):
        run(make(tmp_path))
    assert snapshot() == before
    assert len(signals) == 1


def test_a_failure_while_writing_rolls_everything_back(db, monkeypatch):
    real = SimilarOccupation.objects.bulk_create
    calls = []

    def fail_on_the_tenth_page(objs, *args, **kwargs):
        calls.append(1)
        if len(calls) == 10:
            raise RuntimeError("disk full")
        return real(objs, *args, **kwargs)

    monkeypatch.setattr(SimilarOccupation.objects, "bulk_create", fail_on_the_tenth_page)
    with pytest.raises(RuntimeError):
        run()
    assert all(not model.objects.exists() for model in MODELS)


def test_the_command_line_prints_one_line_and_exits_1(tmp_path):
    folder = tampered(tmp_path)
    result = subprocess.run(
        [sys.executable, "manage.py", "import_ooh", str(folder)],
        capture_output=True,
        text=True,
        cwd=DATA.parents[1],
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "data-scientists.html.gz does not match its manifest" in lines[0]
