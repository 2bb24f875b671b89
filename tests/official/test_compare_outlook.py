"""/compare/ has rows for BLS's projected growth, openings, entry-level education and related
experience, each from the role's official occupation's OOH page, group figures labelled."""

import re

from django.urls import reverse

from tests.test_query_counts_pages import add_synthetic_roles

from .ooh_pages import files, number, plain, projection_rows, quick_fact, raw

URL = reverse("careers:compare")


def row(html, heading):
    found = re.search(rf"<th scope=\"row\">{re.escape(heading)}</th>(.*?)</tr>", html, re.S)
    return [plain(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", found.group(1), re.S)]


def test_rows_match_the_pages(handbook_data, client):
    html = client.get(
        URL, {"role": ["software-developer", "data-scientist", "computer-engineer"]}
    ).content.decode()
    growth = row(html, "Projected growth, 2024-34 (BLS)")
    for cell, code in zip(growth, ["15-1252", "15-2051"], strict=False):
        entry = next(
            e for e in files() if any(r[1] == code for r in projection_rows(raw(e["file"])))
        )
        values = next(r for r in projection_rows(raw(entry["file"])) if r[1] == code)
        e2024, e2034, percent, change = (number(v) for v in values[2:6])
        assert cell.startswith(f"+{percent}% (+{change:,} jobs): {e2024:,} in 2024, {e2034:,}")
        assert "last modified 28 August 2025" in cell
    assert growth[2] == "No official occupation is chosen for this role"
    openings = row(html, "Openings a year (BLS, same page)")
    assert (
        openings[0]
        == "About 129,200 (for software developers, quality assurance analysts, and testers)"
    )
    page = raw("data-scientists.html.gz")
    expected = re.search(r"bout ([\d,]+) openings for", plain(page)).group(1)
    assert openings[1] == f"About {expected}"
    education = row(html, "Typical entry-level education (BLS, same page)")
    assert education[1] == quick_fact(page, "qf-education")
    assert education[0] == "Bachelor's degree (for the group)"
    experience = row(html, "Work experience in a related occupation (BLS, same page)")
    assert experience[1] == quick_fact(page, "qf-experience")


def test_query_count_is_flat(handbook_data, client, django_assert_num_queries):
    query = {"role": ["software-developer", "data-scientist"]}
    # Roles, skills, salaries, next steps, companies, national estimates, the OOH
    # projections, education steps.
    with django_assert_num_queries(9):
        client.get(URL, query)
    add_synthetic_roles(1000)
    with django_assert_num_queries(9):
        client.get(URL, query)
