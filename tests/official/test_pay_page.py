"""/careers/<slug>/pay/: the official (BLS) pay of a role's occupation by state and metro area.

The figures come from the made-up release of tests/official/pay_release.py, so every expected
number below is the one written into that file, not one read back from the page.
"""

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from careers.models import Role
from official.forms import AREA_CODES_ACCEPTED
from official.tile_map import bin_edges, bin_of, legend
from tests.page_parsing import parse

from .pay_page import read_page, row_named
from .pay_release import all_states_and_metros, write_pay_release

DATA_SCIENTIST = reverse("careers:role_pay", args=["data-scientist"])
NO_ESTIMATE = "BLS publishes no estimate here"


def query(href):
    return parse_qs(urlsplit(href).query)


@pytest.fixture
def many_areas(article_data, import_release, tmp_path):
    """Every state and territory and 60 metro areas (two in three with an estimate)."""
    areas, cells = all_states_and_metros(metros=60)
    import_release(write_pay_release(tmp_path / "many", areas, cells))


# ---------- which page ----------


@pytest.mark.parametrize("slug", ["no-such-role", "data-scientist-2"])
def test_unknown_role_is_a_404(client, pay_data, slug):
    assert client.get(reverse("careers:role_pay", args=[slug])).status_code == 404


def test_unpublished_role_is_a_404(client, pay_data):
    Role.objects.filter(slug="data-scientist").update(is_published=False)
    assert client.get(DATA_SCIENTIST).status_code == 404


def test_role_without_official_occupation_says_so_and_links_back(client, pay_data):
    role = Role.objects.get(slug="computer-engineer")
    assert role.official_occupation is None
    response = client.get(reverse("careers:role_pay", args=[role.slug]))
    assert response.status_code == 200
    text = response.content.decode()
    assert "No official occupation is close enough to Computer Engineer" in text
    assert role.get_absolute_url() in parse(response).links
    assert "<svg" not in text and "<table" not in text


def test_exact_and_closest_matches_are_named_as_such(client, pay_data):
    exact = client.get(DATA_SCIENTIST).content.decode()
    assert "Official occupation: <strong>Data Scientists, SOC 15-2051</strong>" in exact
    assert "Closest official occupation" not in exact
    closest = client.get(reverse("careers:role_pay", args=["machine-learning-engineer"]))
    assert (
        "Closest official occupation: <strong>Software Developers, SOC 15-1252</strong>"
        in closest.content.decode()
    )


def test_page_cites_the_release_says_what_the_figures_are_and_links_to_the_role(client, pay_data):
    response = client.get(DATA_SCIENTIST)
    text = " ".join(response.content.decode().split())
    assert "estimates as of May 2025 (data file dated 15 May 2026)" in text
    assert "across all industries, for employees only" in text
    assert "differ in date, definition and population from the guide's own figure" in text
    assert "never combined" in text
    assert "/careers/data-scientist/" in parse(response).links


def test_national_figures_are_shown(client, pay_data):
    text = " ".join(client.get(DATA_SCIENTIST).content.decode().split())
    box = text[text.index('id="national-heading"') :]
    box = box[: box.index("</section>")]
    for figure in ("262,440", "$67,240", "$85,660", "$120,230", "$158,880", "$199,130"):
        assert figure in box


# ---------- the tables ----------


def test_states_table_lists_every_state_with_its_figures_in_words(client, pay_data):
    states, metros = read_page(client.get(DATA_SCIENTIST)).tables
    headings = states[0].cells
    assert headings == [
        "Area (A to Z)",
        "Median",  # second: in view beside the area on a phone
        "Employment ± RSE",
        "Per 1,000 jobs",
        "Location quotient",
        "10th percentile",
        "25th percentile",
        "75th percentile",
        "90th percentile",
        "Mean ± RSE",
    ]
    # The relative standard errors, per 1,000 jobs and the quotient exactly as the file has them.
    assert row_named(states, "California").cells[1:] == [
        "$141,590", "39,310 ±4.3%", "2.158", "1.29", "$77,480", "$103,360", "$186,820",
        "$224,920", "$156,000 ±2.6%",
    ]  # fmt: skip
    # Withheld: said in words, with BLS's footnote 8 marked; never $0 or blank. The mean
    # wage's error, withheld with the mean, is not said twice.
    texas = row_named(states, "Texas")
    withheld = "Not released by BLS BLS footnote 8"
    assert texas.cells[2:5] == ["21,000 ±9.2%", "1.625", "0.99"]
    assert texas.cells[1] == withheld and texas.cells[5:] == [withheld] * 5
    assert "#bls-note-8" in texas.links
    # No estimate at all: the row is still listed and says so.
    assert row_named(states, "Guam").cells[1:] == [NO_ESTIMATE]


def test_metro_table_shows_top_coded_and_missing_estimates(client, pay_data):
    states, metros = read_page(client.get(DATA_SCIENTIST)).tables
    san_francisco = row_named(metros, "San Francisco-Oakland-Fremont, CA")
    assert san_francisco.cells[1] == "$175,000"
    assert san_francisco.cells[2:5] == ["12,000 ±12.6%", "4.248", "2.54"]
    assert san_francisco.cells[8] == "$239,200 or more BLS footnote 5"
    assert row_named(metros, "Austin-Round Rock-San Marcos, TX").cells[1:] == [NO_ESTIMATE]
    assert "North Coast Region of California nonmetropolitan area" in [
        row.cells[0] for row in metros[1:]
    ]


def test_footnotes_used_are_listed_in_bls_wording(client, pay_data):
    page = parse(client.get(DATA_SCIENTIST))
    text = client.get(DATA_SCIENTIST).content.decode()
    assert "bls-note-5" in page.ids and "bls-note-8" in page.ids
    assert "This wage is equal to or greater than $115.00 per hour or $239,200 per year." in text
    assert "Estimate not released." in text
    # Footnote 3 explains the relative standard errors every estimate shows.
    assert sorted(i for i in page.ids if i.startswith("bls-note-")) == [
        "bls-note-3",
        "bls-note-5",
        "bls-note-8",
    ]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("name", ["California", "Guam", "Texas"]),
        ("-name", ["Texas", "Guam", "California"]),
        # Texas's median is withheld and Guam has none: last either way.
        ("median", ["California", "Guam", "Texas"]),
        ("-median", ["California", "Guam", "Texas"]),
        ("employment", ["Texas", "California", "Guam"]),
        ("-employment", ["California", "Texas", "Guam"]),
    ],
)
def test_states_sort_by_the_chosen_column(client, pay_data, sort, expected):
    states = read_page(client.get(DATA_SCIENTIST, {"sort": sort})).tables[0]
    assert [row.cells[0] for row in states[1:]] == expected


def test_top_coded_sorts_as_its_top_code_and_missing_figures_sort_last(client, pay_data):
    metros = read_page(client.get(DATA_SCIENTIST, {"sort": "-p90"})).tables[1]
    assert [row.cells[0] for row in metros[1:]][0] == "San Francisco-Oakland-Fremont, CA"
    metros = read_page(client.get(DATA_SCIENTIST, {"sort": "p90"})).tables[1]
    names = [row.cells[0] for row in metros[1:]]
    assert names[0] == "San Francisco-Oakland-Fremont, CA"
    assert names[1:] == sorted(names[1:])  # the two without an estimate, then by name


def test_column_headings_link_to_their_sort_keeping_other_parameters(client, pay_data):
    response = client.get(
        DATA_SCIENTIST, {"area": "CA", "q": "san", "sort": "-median", "map": "quotient"}
    )
    states = read_page(response).tables[0]
    header = states[0]
    links = [query(href) for href in header.links]
    assert [link["sort"] for link in links] == [
        ["name"], ["median"], ["-employment"], ["-per-1000"], ["-quotient"], ["-p10"], ["-p25"],
        ["-p75"], ["-p90"], ["-mean"],
    ]  # fmt: skip
    for link in links:
        assert link["area"] == ["CA"] and link["q"] == ["san"] and "page" not in link
        assert link["map"] == ["quotient"]
    assert 'aria-sort="descending"' in response.content.decode()


def test_metro_search_narrows_by_name_case_insensitively(client, pay_data):
    metros = read_page(client.get(DATA_SCIENTIST, {"q": "SAN FRAN"})).tables[1]
    assert [row.cells[0] for row in metros[1:]] == ["San Francisco-Oakland-Fremont, CA"]
    response = client.get(DATA_SCIENTIST, {"q": "nowhere at all"})
    assert response.status_code == 200
    assert len(read_page(response).tables) == 1
    assert "No metropolitan or nonmetropolitan area has a name like “nowhere at all”" in (
        response.content.decode()
    )


def test_metro_table_pages_keep_the_filters(client, many_areas):
    response = client.get(DATA_SCIENTIST, {"q": "metro", "sort": "-median", "page": "2"})
    assert response.status_code == 200
    metros = read_page(response).tables[1]
    assert len(metros) - 1 == 25
    assert "60 areas named like “metro”, showing 26–50" in response.content.decode()
    pages = [query(href) for href in parse(response).links if "page=" in href and "sort=" in href]
    assert pages and all(p["q"] == ["metro"] and p["sort"] == ["-median"] for p in pages)
    assert {p["page"][0] for p in pages} >= {"1", "3"}
    assert client.get(DATA_SCIENTIST, {"q": "metro", "page": "4"}).status_code == 404


# ---------- the map ----------


def test_every_state_tile_is_a_labelled_link_in_reading_order(client, many_areas):
    response = client.get(DATA_SCIENTIST, {"sort": "-median"})
    tiles = read_page(response).tiles
    assert len(tiles) == 54
    from official.areas import TILES

    assert [tile.text for tile in tiles] == sorted(TILES, key=lambda c: TILES[c][::-1])
    for tile in tiles:
        link = query(tile.attrs["href"])
        assert link["area"] == [tile.text] and link["sort"] == ["-median"]
        assert re.fullmatch(
            r"State \d\d: (median \$[\d,]+|median not released by BLS)", (tile.attrs["aria-label"])
        ), tile.attrs["aria-label"]


def test_tile_says_the_median_in_words_and_marks_missing_ones(client, pay_data):
    tiles = {tile.text: tile for tile in read_page(client.get(DATA_SCIENTIST)).tiles}
    assert set(tiles) == {"CA", "TX", "GU"}
    assert tiles["CA"].attrs["aria-label"] == "California: median $141,590"
    assert tiles["TX"].attrs["aria-label"] == "Texas: median not released by BLS"
    assert tiles["GU"].attrs["aria-label"] == f"Guam: {NO_ESTIMATE}"
    assert "pay-bin-none" in tiles["TX"].attrs["class"]
    assert "pay-bin-none" in tiles["GU"].attrs["class"]
    assert "pay-bin-none" not in tiles["CA"].attrs["class"]


def test_legend_gives_each_colours_dollar_range(client, many_areas):
    text = client.get(DATA_SCIENTIST).content.decode()
    legend_html = text[text.index('class="map-legend"') :]
    legend_html = legend_html[: legend_html.index("</ul>")]
    items = [" ".join(re.sub(r"<[^>]+>", " ", li).split()) for li in legend_html.split("<li>")[1:]]
    # State medians run $80,000 + $1,500 a state (the first withheld): five bins of ~11.
    assert items[0].startswith("Under $")
    assert items[-2].endswith("or more")
    assert items[-1] == "No estimate, or not released by BLS (hatched)"
    assert len(items) == 6


def test_bins_split_the_medians_into_equal_groups_with_round_edges():
    values = [80_000 + 1_000 * n for n in range(50)]
    edges = bin_edges(values)
    assert edges == [None, 90_000, 100_000, 110_000, 120_000]
    assert [bin_of(v, edges) for v in (80_000, 89_999, 90_000, 129_000)] == [0, 0, 1, 4]
    assert legend(edges, values) == [
        ("pay-bin-0", "Under $90,000"),
        ("pay-bin-1", "$90,000 to $99,999"),
        ("pay-bin-2", "$100,000 to $109,999"),
        ("pay-bin-3", "$110,000 to $119,999"),
        ("pay-bin-4", "$120,000 or more"),
    ]


def test_one_distinct_median_is_one_bin_named_by_its_value():
    edges = bin_edges([120_000, 120_000])
    assert edges == [None]
    assert legend(edges, [120_000, 120_000]) == [("pay-bin-0", "$120,000")]


def _luminance(colour):
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first, second):
    high, low = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_every_tile_label_has_contrast_on_its_shade():
    css = (Path(settings.BASE_DIR) / "static/css/official.css").read_text()
    fills = dict(re.findall(r"\.(pay-bin-\d) rect \{ fill: (#[0-9a-f]{6}); \}", css))
    assert len(fills) == 5
    for block in re.findall(r"((?:\.pay-bin-[\w-]+ text,?\s*)+)\{\s*fill: (#[0-9a-f]{6});", css):
        classes, text_colour = re.findall(r"pay-bin-[\w-]+", block[0]), block[1]
        for name in classes:
            if name in fills:
                assert contrast(fills[name], text_colour) >= 4.5, name
                fills.pop(name)
    assert not fills, f"shades without a label colour: {fills}"


# ---------- ?area= ----------


@pytest.mark.parametrize("code", ["CA", "ca", " Ca "])
def test_state_area_highlights_its_tile_row_and_summary(client, pay_data, code):
    response = client.get(DATA_SCIENTIST, {"area": code})
    assert response.status_code == 200
    page = read_page(response)
    current = [tile for tile in page.tiles if tile.attrs.get("aria-current")]
    assert [tile.text for tile in current] == ["CA"]
    row = row_named(page.tables[0], "California")
    assert row.attrs.get("aria-current") == "true"
    assert row.cells[0] == "Highlighted: California"
    text = " ".join(response.content.decode().split())
    assert 'id="selected-heading"><span class="current-marker">Highlighted:</span> California' in (
        text
    )
    assert 'href="#area-CA"' in text


def test_metro_area_summary_links_to_its_page_of_the_metro_table(client, many_areas):
    # Metro area 0059 (code 11180) is the 60th by name: page 3 at 25 a page.
    response = client.get(DATA_SCIENTIST, {"area": "11180", "q": "zzz"})
    assert response.status_code == 200
    text = response.content.decode()
    link = re.search(r'href="([^"]*)#area-11180"', text).group(1).replace("&amp;", "&")
    assert query(link) == {"area": ["11180"], "page": ["3"]}
    target = client.get(DATA_SCIENTIST + link)
    row = row_named(read_page(target).tables[1], "Metro area 0059")
    assert row.attrs["id"] == "area-11180" and row.attrs.get("aria-current") == "true"


def test_us_area_is_the_national_box(client, pay_data):
    response = client.get(DATA_SCIENTIST, {"area": "us"})
    assert response.status_code == 200
    assert not response.context["form"].errors
    text = " ".join(response.content.decode().split())
    # No second box: the national one is the highlighted area.
    assert 'id="selected-heading"' not in text
    assert (
        'id="national-heading"><span class="current-marker">Highlighted:</span> United States'
        in text
    )


@pytest.mark.parametrize("code", ["ZZ", "99999", "1234567", "CAL", "4186O", "C", "%00", "ÇA"])
def test_unknown_or_malformed_area_is_a_form_error_naming_what_is_accepted(client, pay_data, code):
    response = client.get(DATA_SCIENTIST + "?area=" + code)
    assert response.status_code == 200
    errors = response.context["form"].errors["area"]
    assert AREA_CODES_ACCEPTED in errors[0]
    assert 'role="alert"' in response.content.decode()
    # The rest of the page still works, with no area highlighted.
    page = read_page(response)
    assert page.tiles and len(page.tables) == 2
    assert not [tile for tile in page.tiles if "aria-current" in tile.attrs]
    assert not [row for table in page.tables for row in table if "aria-current" in row.attrs]


@pytest.mark.parametrize(
    ("raw", "field"),
    [("sort=salary", "sort"), ("sort=%00", "sort"), ("page=0", "page"), ("page=x", "page")],
)
def test_bad_sort_or_page_is_a_form_error_and_falls_back(client, pay_data, raw, field):
    response = client.get(f"{DATA_SCIENTIST}?{raw}")
    assert response.status_code == 200
    assert field in response.context["form"].errors
    states = read_page(response).tables[0]
    assert [row.cells[0] for row in states[1:]] == ["California", "Guam", "Texas"]


# ---------- queries, sitemap ----------

# Two more than the page's own reads (official/selectors.py): the role's alternative occupations
# and the area control's nation and states.
CASES = [
    ("", 8),
    ("?sort=-median&q=a", 8),
    ("?area=CA&sort=p90", 10),
    ("?area=10020&page=2", 11),
    ("?map=quotient&sort=-per-1000", 8),
    ("?map=per-1000&sort=quotient&area=CA", 10),
    # An alternative occupation: BLS footnotes none of its figures here, so none are read.
    ("?occupation=15-1221", 7),
]


@pytest.mark.parametrize(("params", "queries"), CASES)
def test_query_count_does_not_grow_with_areas_or_roles(
    client, pay_data, import_release, tmp_path, django_assert_num_queries, params, queries
):
    # The small release has no metro 10020 and one page of metros: start on the large one.
    areas, cells = all_states_and_metros(metros=30)
    import_release(write_pay_release(tmp_path / "small", areas, cells))
    with django_assert_num_queries(queries):
        small = client.get(DATA_SCIENTIST + params)
    assert small.status_code == 200 and not small.context["form"].errors

    areas, cells = all_states_and_metros(metros=500)
    import_release(write_pay_release(tmp_path / "large", areas, cells))
    call_command("generate_synthetic_roles", "1000", verbosity=0)
    with django_assert_num_queries(queries):
        large = client.get(DATA_SCIENTIST + params)
    assert large.status_code == 200 and not large.context["form"].errors
    assert large.context["paginator"].count > small.context["paginator"].count


def test_sitemap_lists_the_page_for_roles_with_an_official_occupation(client, pay_data):
    body = client.get("/sitemap.xml").content.decode()
    assert f"<loc>http://testserver{DATA_SCIENTIST}</loc>" in body
    assert "/careers/computer-engineer/pay/" not in body
    Role.objects.filter(slug="data-scientist").update(is_published=False)
    assert DATA_SCIENTIST not in client.get("/sitemap.xml").content.decode()


def test_table_cells_read_as_official_figure_writes_them(pay_data):
    import re

    from django.http import QueryDict
    from django.template.loader import render_to_string

    from official.formatting import official_figure
    from official.models import WageEstimate
    from official.selectors import FIGURE_COLUMNS, RSE_OF, figures

    estimates = WageEstimate.objects.filter(occupation__soc_code="15-2051").select_related("area")
    # Plain, withheld and top-coded figures, each written the same way on every path.
    assert {e.median_footnote for e in estimates} >= {"", "8"}
    assert any(e.p90_top_coded for e in estimates)
    for estimate in estimates:
        row = {"area": estimate.area, "figures": figures(estimate), "current": False}
        html = render_to_string(
            "includes/official_pay_table.html",
            {"rows": [row], "headers": [], "link_query": QueryDict(), "area_link": "?area="},
        )
        cells = re.findall(r'<td class="num">(.*?)</td>', html)
        expected = []
        for name in FIGURE_COLUMNS:
            text = str(official_figure(estimate, name))
            rse = RSE_OF.get(name)
            # An error withheld with its figure (the same footnote) is said once, by the figure.
            if rse and estimate.figure(rse) != (None, estimate.figure(name)[1]):
                text += f' <span class="rse">{official_figure(estimate, rse)}</span>'
            expected.append(text)
        assert cells == expected
