"""The role page's official-pay panel: the national percentiles as an SVG range chart with the
guide's median on the same axis, the same numbers in a table, the match label and citation."""

import re

import pytest
from django.urls import reverse

from careers.models import Role
from official.charts import range_chart
from official.models import WageEstimate

pytestmark = pytest.mark.usefixtures("official_data")


def page(client, slug):
    response = client.get(reverse("careers:role_detail", args=[slug]))
    assert response.status_code == 200
    return response.content.decode()


def panel(html):
    return re.search(r'<section class="official-pay".*?</section>', html, re.S).group(0)


def test_the_panel_names_the_match_and_cites_the_release(client):
    text = panel(page(client, "machine-learning-engineer"))
    assert "Closest official occupation:</strong> Software Developers, SOC 15-1252" in text
    assert "not the same job" in text
    assert "U.S. Bureau of Labor Statistics" in text
    assert "estimates as of May 2025 (data file dated 15 May 2026)" in text
    assert "differ in date, definition and population" in text
    assert "never combined" in text
    exact = panel(page(client, "data-scientist"))
    assert "Official occupation:</strong> Data Scientists, SOC 15-2051" in exact
    assert "not the same job" not in exact


def test_the_table_holds_every_number_the_chart_draws(client):
    text = panel(page(client, "data-scientist"))
    # The small release: 70,000 / 90,000 / 120,000 / 150,000 / 190,000, mean 130,000, 1,000 jobs.
    for label, value in [
        ("10th percentile", "$70,000"),
        ("25th percentile", "$90,000"),
        ("Median", "$120,000"),
        ("75th percentile", "$150,000"),
        ("90th percentile", "$190,000"),
        ("Mean", "$130,000"),
        ("Employment (jobs)", "1,000"),
    ]:
        assert f'<th scope="row">{label}</th><td>{value}</td>' in text
    svg = re.search(r"<svg.*?</svg>", text, re.S).group(0)
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    # The SVG carries axis ticks only; no figure of the table appears in it alone.
    for figure in ("70,000", "120,000", "190,000", "165,029"):
        assert figure not in svg
    # The guide's median is marked and named with its source beside the chart.
    assert "range-chart__guide" in svg
    assert "The guide's median: $165,029" in text


def test_the_guides_median_and_the_official_one_sit_on_one_axis():
    estimate = WageEstimate(p10=70000, p25=90000, median=120000, p75=150000, p90=190000)
    chart = range_chart(estimate, guide_median=165029)
    assert chart["axis_start"] <= chart["p10"] < chart["p25"] < chart["median"]
    assert chart["median"] < chart["guide"] < chart["p90"] <= chart["axis_end"]
    # A guide median outside the official range widens the axis to hold it.
    wide = range_chart(estimate, guide_median=260000)
    assert wide["p90"] < wide["guide"] <= wide["axis_end"]


def test_a_top_coded_90th_percentile_reads_as_a_lower_bound(client):
    estimate = WageEstimate.objects.get(occupation__soc_code="15-2051", area__code="US")
    estimate.p90, estimate.p90_footnote = None, "5"
    estimate.save()
    text = panel(page(client, "data-scientist"))
    assert '<th scope="row">90th percentile</th><td>$239,200 or more' in text
    assert 'href="#bls-note-5"' in text
    assert 'id="bls-note-5"' in text and "$239,200 per year" in text
    assert "range-chart__open" in text


def test_a_withheld_figure_is_said_in_words_not_zero(client):
    estimate = WageEstimate.objects.get(occupation__soc_code="15-2051", area__code="US")
    estimate.mean, estimate.mean_footnote = None, "8"
    estimate.save()
    text = panel(page(client, "data-scientist"))
    assert '<th scope="row">Mean</th><td>Not released by BLS' in text
    assert "$0" not in text


def test_a_role_without_an_official_occupation_says_so(client):
    text = panel(page(client, "computer-engineer"))
    assert "No official occupation is chosen for this role" in text
    assert "<svg" not in text


def test_an_occupation_without_a_national_estimate_says_so(client):
    text = panel(page(client, "software-programmer"))  # 15-1251: not in the small release
    assert "BLS publishes no estimate here" in text


def test_editors_can_remap_a_role_and_the_page_follows(client):
    role = Role.objects.get(slug="computer-engineer")
    role.official_occupation = Role.objects.get(slug="software-developer").official_occupation
    role.official_match = "closest"
    role.save()
    assert "Closest official occupation:</strong> Software Developers, SOC 15-1252" in panel(
        page(client, "computer-engineer")
    )


def test_the_panel_links_to_pay_by_location(client):
    link = reverse("careers:role_pay", args=["data-scientist"])
    assert f'href="{link}"' in panel(page(client, "data-scientist"))
    # No official occupation: only its candidates' pages, each named.
    unmapped = panel(page(client, "computer-engineer"))
    own = reverse("careers:role_pay", args=["computer-engineer"])
    assert f'href="{own}"' not in unmapped
    assert f'href="{own}?occupation=17-2061"' in unmapped
    assert f'href="{own}?occupation=15-1252"' in unmapped
