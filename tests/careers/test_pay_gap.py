"""Issue 19 item 4: beside the guide's figure and BLS's, why they differ, in each source's own
terms, wherever a role has both (role page, compare) and nowhere else."""

import re

import pytest
from django.urls import reverse

from careers.models import Role, Salary
from official.models import WageEstimate

pytestmark = pytest.mark.usefixtures("official_data")


def gaps(html):
    return re.findall(r'<details class="pay-gap".*?</details>', html, re.S)


def text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def role_page(client, slug):
    response = client.get(reverse("careers:role_detail", args=[slug]))
    assert response.status_code == 200
    return response.content.decode()


def compare(client, *slugs):
    response = client.get(reverse("careers:compare"), {"role": list(slugs)})
    assert response.status_code == 200
    return response.content.decode()


def test_the_role_page_explains_the_gap_in_each_sources_terms(client):
    [gap] = gaps(role_page(client, "data-scientist"))
    words = text(gap)
    assert "Why the guide's $165,029 and BLS's $120,000 differ" in words
    # The guide's own label, and that it says no more.
    assert "“median total pay”" in words and "does not define it" in words
    # BLS's definitions: who is covered and what counts as wages.
    assert "Estimates do not include self-employed workers." in words
    assert "tips" in words and "Not counted: back pay" in words and "overtime pay" in words
    assert 'href="https://www.bls.gov/respondents/oes/payterms.htm"' in gap
    assert f'href="{reverse("careers:about")}#sources"' in gap
    # Only the MLE's figure is credited twice.
    assert "credits elsewhere" not in words


def test_the_same_figure_credited_twice_says_so(client):
    [gap] = gaps(role_page(client, "machine-learning-engineer"))
    assert (
        "The same amount, $168,730, is what the guide credits elsewhere to Glassdoor as the "
        "average annual salary (region: United States)." in text(gap)
    )


@pytest.mark.parametrize(
    "slug",
    [
        "computer-engineer",  # no official occupation, no guide figure
        "head-of-ai",  # an official figure, no guide figure
    ],
)
def test_no_explanation_where_one_figure_is_missing(client, slug):
    assert gaps(role_page(client, slug)) == []


def test_no_explanation_without_a_national_estimate(client):
    role = Role.objects.get(slug="software-engineer")
    WageEstimate.objects.filter(occupation=role.official_occupation).delete()
    html = role_page(client, "software-engineer")
    assert "$162,927" in html
    assert gaps(html) == []


def test_the_explanation_follows_the_data_not_the_role(client):
    Salary.objects.filter(role__slug="data-scientist").delete()
    assert gaps(role_page(client, "data-scientist")) == []
    assert Role.objects.get(slug="data-scientist").official_occupation is not None


def test_compare_explains_each_role_with_both_figures(client):
    html = compare(client, "machine-learning-engineer", "data-scientist", "head-of-ai")
    found = gaps(html)
    assert len(found) == 2
    assert "(Machine Learning Engineer)" in text(found[0])
    assert "(Data Scientist)" in text(found[1])
    assert "credits elsewhere to Glassdoor" in text(found[0])
    assert "credits elsewhere" not in text(found[1])


def test_compare_without_both_figures_explains_nothing(client):
    assert gaps(compare(client, "head-of-ai", "computer-engineer")) == []
