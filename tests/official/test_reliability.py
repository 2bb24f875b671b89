"""Issue 19, reliability and where the jobs are: BLS's relative standard errors (datatypes 02 and
05), employment per 1,000 jobs (16) and the location quotient (17), imported exactly as the file
writes them and shown in words; the pay map coloured and the tables sorted by them; the role
page's areas with the most jobs; BLS's footnote 3 on the about page."""

import io
import re
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.urls import resolve, reverse

from careerguide.page_keys import known_parameters
from official.models import Area, AreaKind, Occupation, Release, WageEstimate
from official.tile_map import bin_edges, legend, ratio_written, series_edge

from .oews_file import FOOTNOTES, figures, write_release
from .pay_page import read_page, row_named

DATA_SCIENTIST = reverse("careers:role_pay", args=["data-scientist"])
SOFTWARE_DEVELOPER = reverse("careers:role_pay", args=["software-developer"])
RSE_FOOTNOTE = dict(FOOTNOTES)["3"]


def run(*args, **options):
    out = io.StringIO()
    call_command("import_oews", *map(str, args), stdout=out, stderr=io.StringIO(), **options)
    return out.getvalue()


def estimate(code, soc="15-2051"):
    return WageEstimate.objects.get(area__code=code, occupation__soc_code=soc)


def text_of(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def section(html, css_class):
    return re.search(rf'<(section|div) class="{css_class}.*?</\1>', html, re.S).group(0)


# ---------- the import ----------


def test_the_new_figures_are_stored_as_the_file_writes_them(db, tmp_path):
    run(write_release(tmp_path))
    california = estimate("CA")
    assert california.figure("employment_rse") == (Decimal("1.9"), "")
    assert california.figure("mean_rse") == (Decimal("2.6"), "")
    assert str(california.jobs_per_1000) == "1.037"
    assert str(california.location_quotient) == "2.27"
    # "1.10" keeps its second decimal, as BLS prints it.
    assert str(estimate("PR").location_quotient) == "1.10"
    assert estimate("DC").mean_rse == Decimal("0.0")
    # The nation has neither per 1,000 jobs nor a quotient in the file, and no footnote for it.
    national = estimate("US")
    assert national.figure("jobs_per_1000") == (None, "")
    assert national.figure("location_quotient") == (None, "")
    assert national.figure("employment_rse") == (Decimal("4.3"), "")


def test_withheld_new_figures_keep_their_footnote(db, tmp_path):
    cells = {
        "OEUN0000000000000152051": figures(per_1000=None, quotient=None),
        "OEUS0600000000000152051": figures(
            employment="-",
            f01="8",
            employment_rse="-",
            f02="8",
            per_1000="-",
            f16="8",
            quotient="-",
            f17="8",
        ),  # fmt: skip
    }
    run(write_release(tmp_path, cells=cells))
    california = estimate("CA")
    for name in ("employment_rse", "jobs_per_1000", "location_quotient"):
        assert california.figure(name) == (None, "8")


def test_a_second_run_with_the_new_fields_changes_nothing(db, tmp_path):
    path = write_release(tmp_path)
    run(path)
    before = sorted(WageEstimate.objects.values_list())
    assert "already up to date, nothing changed" in run(path)
    assert sorted(WageEstimate.objects.values_list()) == before


def test_a_release_imported_before_the_new_fields_is_read_again_in_full(db, tmp_path):
    """What migration 0006 leaves: the release's SHA-256 cleared, the new fields empty. Even
    `--if-empty` (what `make run` uses) then reads the same file again and fills them."""
    path = write_release(tmp_path)
    run(path)
    WageEstimate.objects.update(
        employment_rse=None, mean_rse=None, jobs_per_1000=None, location_quotient=None
    )
    Release.objects.update(file_sha256="")
    out = run(path, if_empty=True)
    assert "0 removed" in out and "changed" in out
    assert estimate("CA").employment_rse == Decimal("1.9")
    assert Release.objects.get().file_sha256
    assert "already imported" in run(path, if_empty=True)


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("v02", "4.35", "has more digits than BLS publishes"),
        ("v17", "12345.67", "has more digits than BLS publishes"),
        ("v16", "lots", "Unreadable figure"),
        ("v05", "-1.0", "Unreadable figure"),
    ],
)
def test_a_new_figure_of_another_layout_is_one_clear_line_and_changes_nothing(
    db, tmp_path, column, value, message
):
    (tmp_path / "good").mkdir()
    (tmp_path / "bad").mkdir()
    run(write_release(tmp_path / "good"))
    before = sorted(WageEstimate.objects.values_list())
    cells = {"OEUS0600000000000152051": figures() | {column: value}}
    with pytest.raises(CommandError) as raised:
        run(write_release(tmp_path / "bad", cells=cells))
    assert message in str(raised.value) and "\n" not in str(raised.value)
    assert sorted(WageEstimate.objects.values_list()) == before


# ---------- shown in words ----------


def test_the_area_boxes_say_both_errors_labelled(client, pay_data):
    html = client.get(DATA_SCIENTIST, {"area": "CA"}).content.decode()
    boxes = [
        text_of(box) for box in re.findall(r'<section class="pay-box.*?</section>', html, re.S)
    ]
    california, national = boxes  # the chosen area first
    assert (
        "employment ±1.8%, mean wage ±0.7% ( relative standard error ) BLS footnote 3" in national
    )
    assert "employment ±4.3%, mean wage ±2.6% ( relative standard error )" in california
    assert "Employment per 1,000 jobs 2.158" in california
    assert "Location quotient 1.29" in california
    # BLS publishes neither for the nation: the box does not pretend it does.
    assert "Location quotient" not in national
    # Footnote 3, in BLS's words, is listed for the marker to point at.
    assert 'id="bls-note-3"' in html and RSE_FOOTNOTE in html


def test_a_withheld_error_is_said_in_words(client, pay_data):
    html = client.get(DATA_SCIENTIST, {"area": "TX"}).content.decode()
    assert "employment ±9.2%, mean wage not released by BLS" in text_of(html)


def test_the_role_page_panel_says_both_errors(client, official_data):
    html = client.get(reverse("careers:role_detail", args=["data-scientist"])).content.decode()
    panel = text_of(section(html, "official-pay"))
    assert "employment ±4.3%, mean wage ±2.6% ( relative standard error )" in panel
    assert RSE_FOOTNOTE in panel


def test_coinciding_percentiles_are_said_plainly(client, pay_data):
    html = client.get(SOFTWARE_DEVELOPER, {"area": "CA"}).content.decode()
    assert (
        "The 25th percentile, median, 75th percentile and 90th percentile are all $131,650: "
        "BLS publishes the same figure for each."
    ) in text_of(html)
    other = client.get(DATA_SCIENTIST, {"area": "CA"}).content.decode()
    assert "BLS publishes the same figure" not in other


def test_top_coded_percentiles_are_not_said_to_coincide():
    row = WageEstimate(p10=90_000, p25=90_000, median=239_200, median_footnote="5")
    row.p75, row.p75_footnote = 239_200, "5"
    row.p90, row.p90_footnote = None, "5"
    assert row.coinciding_percentiles() == [(90_000, ["p10", "p25"])]


# ---------- the map and the sorts ----------


def test_the_map_can_be_coloured_by_the_location_quotient(client, pay_data):
    response = client.get(DATA_SCIENTIST, {"map": "quotient"})
    labels = {tile.attrs["aria-label"] for tile in read_page(response).tiles}
    assert {"California: location quotient 1.29", "Texas: location quotient 0.99"} <= labels
    html = response.content.decode()
    assert "Location quotient by state" in html
    legend_items = text_of(re.search(r'<ul class="map-legend".*?</ul>', html, re.S).group(0))
    assert "Under 0.5" in legend_items and "2 or more" in legend_items
    # The legend explains both measures, the quotient with BLS's page cited.
    terms = text_of(re.search(r'<dl class="map-terms">.*?</dl>', html, re.S).group(0))
    assert "Employment per 1,000 jobs" in terms and "above 1" in terms
    assert "About OES Charts and Maps" in terms


def test_the_map_can_be_coloured_by_employment_per_1000_jobs(client, pay_data):
    response = client.get(DATA_SCIENTIST, {"map": "per-1000"})
    labels = {tile.attrs["aria-label"] for tile in read_page(response).tiles}
    assert "California: employment per 1,000 jobs 2.158" in labels
    assert "Guam: BLS publishes no estimate here" in labels


def test_an_unknown_map_is_a_form_error_and_the_median_map(client, pay_data):
    response = client.get(DATA_SCIENTIST, {"map": "<b>rainfall</b>"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is no map “&lt;b&gt;rainfall&lt;/b&gt;”" in html
    assert "Median pay by state" in html


def test_map_links_keep_the_other_parameters(client, pay_data):
    response = client.get(DATA_SCIENTIST, {"sort": "-quotient", "area": "CA", "map": "per-1000"})
    nav = re.search(r'<nav class="map-modes".*?</nav>', response.content.decode(), re.S).group(0)
    links = re.findall(r'href="\?([^"]+)"', nav)
    assert len(links) == 3
    for link, mode in zip(links, ("median", "per-1000", "quotient"), strict=True):
        assert f"map={mode}" in link and "sort=-quotient" in link and "area=CA" in link
    assert 'aria-current="true"><strong>Employment per 1,000 jobs' in nav
    # The search form carries the map along too.
    assert '<input type="hidden" name="map" value="per-1000">' in response.content.decode()


@pytest.mark.parametrize(
    ("sort", "order"),
    [
        ("-quotient", ["California", "Texas", "Guam"]),
        ("quotient", ["Texas", "California", "Guam"]),
        ("-per-1000", ["California", "Texas", "Guam"]),
        ("per-1000", ["Texas", "California", "Guam"]),
    ],
)
def test_the_tables_sort_by_where_the_jobs_are(client, pay_data, sort, order):
    states = read_page(client.get(DATA_SCIENTIST, {"sort": sort})).tables[0]
    assert [row.cells[0] for row in states[1:]] == order


def test_metro_areas_sort_by_the_quotient(client, pay_data):
    metros = read_page(client.get(DATA_SCIENTIST, {"sort": "-quotient"})).tables[1]
    first = row_named(metros, "San Francisco-Oakland-Fremont, CA")
    assert metros[1] is first and first.cells[4] == "2.54"


def test_the_page_cache_keys_the_page_by_map_and_sort():
    # A parameter the view does not declare never reaches it (careerguide/page_keys.py).
    assert {"map", "sort", "area", "q", "page"} <= set(
        known_parameters(resolve(DATA_SCIENTIST).func)
    )


def test_an_unknown_sort_is_still_a_form_error(client, pay_data):
    response = client.get(DATA_SCIENTIST, {"sort": "-quotients"})
    assert response.status_code == 200
    assert "There is no sort “-quotients”" in response.content.decode()


def test_ratio_bins_lie_on_the_1_2_5_series():
    assert [series_edge(Decimal(v)) for v in ("0.464", "1.3", "3.9", "0.07", "0.2")] == [
        Decimal("0.5"), Decimal("1"), Decimal("5"), Decimal("0.05"), Decimal("0.2"),
    ]  # fmt: skip
    # Eight values: the quantile edges fall on the 2nd, 4th, 5th and 7th (0.5, 1.1, 2.1, 4.9).
    values = [Decimal(v) for v in ("0.1", "0.5", "0.7", "1.1", "2.1", "3.0", "4.9", "8.0")]
    edges = bin_edges(values, rounding=series_edge)
    assert edges == [None, Decimal("0.5"), Decimal("1"), Decimal("2"), Decimal("5")]
    assert [text for _, text in legend(edges, values, ratio_written)] == [
        "Under 0.5", "0.5 to under 1", "1 to under 2", "2 to under 5", "5 or more",
    ]  # fmt: skip


def test_median_bins_are_whole_ten_thousands():
    values = [80_000 + 1_500 * n for n in range(54)]
    edges = bin_edges(values)
    assert all(edge % 10_000 == 0 for edge in edges[1:])


# ---------- the role page: where the jobs are ----------


def test_the_role_page_names_the_areas_with_the_most_jobs(client, official_data):
    html = client.get(reverse("careers:role_detail", args=["data-scientist"])).content.decode()
    jobs = section(html, "official-most-jobs")
    states = [text_of(li) for li in re.findall(r"<li>.*?</li>", jobs.split("most-jobs-metros")[0])]
    # Most jobs first, ties by name; each with its employment's relative standard error.
    assert states == [
        "California : 39,310 jobs (±1.9%)",
        "District of Columbia : 1,000 jobs (±4.3%)",
        "Puerto Rico : 1,000 jobs (±4.3%)",
    ]
    metros = text_of(jobs.split("most-jobs-metros", 1)[1])
    assert metros.index("San Francisco-Oakland-Fremont, CA : 12,500 jobs") < metros.index(
        "Washington-Arlington-Alexandria"
    )
    assert "Source: U.S. Bureau of Labor Statistics" in text_of(jobs)
    assert f'href="{DATA_SCIENTIST}?area=CA"' in jobs


def test_a_role_without_an_occupation_names_no_areas(client, official_data):
    html = client.get(reverse("careers:role_detail", args=["computer-engineer"])).content.decode()
    assert "official-most-jobs" not in html


# The role page's 12 queries, + the national estimate, its footnotes, the states and the metro
# areas with the most jobs, + the OOH projection (none imported here), + the alternative
# occupations and their national estimates, + the next roles' national estimates, + the area
# control's nation and states.
ROLE_PAGE_QUERIES = 21


def test_the_role_page_query_count_is_flat_as_estimates_grow(
    client, official_data, django_assert_num_queries
):
    url = reverse("careers:role_detail", args=["data-scientist"])
    with django_assert_num_queries(ROLE_PAGE_QUERIES):
        client.get(url)
    occupation = Occupation.objects.get(soc_code="15-2051")
    release = Release.objects.get()
    areas = Area.objects.bulk_create(
        Area(
            bls_code=f"00{20000 + n:05d}", code=f"{20000 + n:05d}", kind=AreaKind.METRO,
            name=f"Metro {n}", state_fips="06",
        )
        for n in range(200)
    )  # fmt: skip
    WageEstimate.objects.bulk_create(
        WageEstimate(release=release, area=area, occupation=occupation, employment=n)
        for n, area in enumerate(areas)
    )
    with django_assert_num_queries(ROLE_PAGE_QUERIES):
        response = client.get(url)
    jobs = text_of(section(response.content.decode(), "official-most-jobs"))
    assert "Metro 199 : 199 jobs" in jobs and "Metro 198 : 198 jobs" in jobs


# ---------- the about page ----------


def test_the_about_page_quotes_bls_on_the_relative_standard_error(client, official_data):
    html = client.get(reverse("careers:about")).content.decode()
    about = text_of(
        re.search(r'<section aria-labelledby="reliability">.*?</section>', html, re.S).group(0)
    )
    assert RSE_FOOTNOTE in about
    assert "Source: U.S. Bureau of Labor Statistics" in about
    assert "no reliability label or threshold" in about
    # The example is read from the data: the first occupation by SOC code in the first state
    # by name with both errors (tests/official/oews_file.py: 11-3021 in California).
    assert (
        "for computer and information systems managers in California in May 2025, "
        "“employment ±4.3%, mean wage ±2.6% (relative standard error)”" in about
    )


def test_the_about_page_before_any_import_says_so(client, article_data):
    html = client.get(reverse("careers:about")).content.decode()
    assert "No BLS release has been imported yet" in html
    assert RSE_FOOTNOTE not in html
