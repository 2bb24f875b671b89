"""/careers/?basis=bls&area=CODE: the role list on the official median of each role's
occupation in an area; pay bounds and pay sorts then apply to that figure."""

import pytest
from django.urls import reverse

from careers.models import Role

URL = reverse("careers:role_list")

# The small release (oews_file.py): every occupation earns a 120,000 median everywhere, except
# Data Scientists: 160,000 in California, not released in DC; and Puerto Rico publishes no
# Software Developers. The article maps Data Scientist, Data Analyst, Junior Data Scientist and
# BI Developer to 15-2051; Software Developer, Software Engineer and both Machine Learning
# Engineers to 15-1252; Head of AI to 11-3021; three research roles to 15-1221; Software
# Programmer to 15-1251 (absent from the small release); Computer Engineer to nothing.
DATA_SCIENCE = {"bi-developer", "data-analyst", "data-scientist", "junior-data-scientist"}
SOFTWARE = {
    "software-developer",
    "software-engineer",
    "machine-learning-engineer",
    "senior-machine-learning-engineer",
}

pytestmark = pytest.mark.usefixtures("official_data")


def get(client, query):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    return response


def rows(response):
    return {role.slug: role.bls_median for role in response.context["roles"]}


def test_without_basis_the_list_is_the_guides_as_before(client):
    response = get(client, "pay_min=165000")
    assert {role.slug for role in response.context["roles"]} == {
        "nlp-scientist",
        "machine-learning-engineer",
        "data-scientist",
    }
    assert "Official median" not in response.content.decode()


def test_each_role_shows_the_official_median_in_the_area(client):
    medians = rows(get(client, "basis=bls&area=CA"))
    assert {slug for slug, median in medians.items() if median == 160000} == DATA_SCIENCE
    assert medians["computer-engineer"] is None  # no official occupation
    assert medians["software-programmer"] is None  # its occupation is not in this release
    page = get(client, "basis=bls&area=CA").content.decode()
    assert "Official median, California" in page
    assert "Closest official occupation: Data Scientists, SOC 15-2051" in page
    assert "Official occupation: Data Scientists, SOC 15-2051" in page  # Data Scientist: exact
    assert "No official occupation is chosen for this role" in page
    # The citation of the release and the warning that the figures differ.
    assert "U.S. Bureau of Labor Statistics" in page and "May 2025" in page
    assert "never merged" in page


def test_the_area_defaults_to_the_nation_and_takes_lower_case_and_metro_codes(client):
    assert rows(get(client, "basis=bls"))["data-scientist"] == 120000
    assert rows(get(client, "basis=bls&area=ca"))["data-scientist"] == 160000
    response = get(client, "basis=bls&area=41860")
    assert response.context["official_area"].name == "San Francisco-Oakland-Fremont, CA"
    # The metro area is offered in the select so the form shows what is chosen.
    assert 'value="41860" selected' in response.content.decode()


def test_pay_bounds_apply_to_the_official_median(client):
    found = rows(get(client, "basis=bls&area=CA&pay_min=150000"))
    assert set(found) == DATA_SCIENCE
    found = rows(get(client, "basis=bls&area=CA&pay_max=130000"))
    assert set(found) == set(rows(get(client, "basis=bls&area=CA"))) - DATA_SCIENCE - {
        "computer-engineer",
        "software-programmer",
    }


def test_pay_sorts_use_the_official_median_and_put_no_estimate_last(client):
    order = [role.slug for role in get(client, "basis=bls&area=CA&sort=-pay").context["roles"]]
    assert set(order[:4]) == DATA_SCIENCE
    assert order[-2:] == ["computer-engineer", "software-programmer"]
    order = [role.slug for role in get(client, "basis=bls&area=CA&sort=pay").context["roles"]]
    assert set(order[-6:-2]) == DATA_SCIENCE


def test_not_released_and_absent_estimates_are_said_in_words(client):
    page = get(client, "basis=bls&area=DC").content.decode()
    assert "Not released by BLS" in page
    assert "BLS footnote 8: Estimate not released." in page
    page = get(client, "basis=bls&area=PR").content.decode()
    assert "BLS publishes no estimate here" in page
    assert "$0" not in page


def test_a_top_coded_median_is_a_lower_bound(client):
    california = Role.objects.get(slug="data-scientist").official_occupation.estimates.get(
        area__code="CA"
    )
    california.median, california.median_footnote = None, "5"
    california.save()
    response = get(client, "basis=bls&area=CA")
    assert "$239,200 or more" in response.content.decode()
    # "at most" cannot be said of a figure known only to be at least $239,200.
    assert not DATA_SCIENCE & set(rows(get(client, "basis=bls&area=CA&pay_max=300000")))


def test_the_official_basis_is_an_active_filter_that_can_be_removed(client):
    response = get(client, "basis=bls&area=CA&pay_min=150000")
    active = {item["label"]: item["href"] for item in response.context["active_filters"]}
    assert active["Official pay in California"] == f"{URL}?pay_min=150000"
    assert active["Official median from $150,000"] == f"{URL}?area=CA"


@pytest.mark.parametrize(
    "query, field, message",
    [
        ("basis=bls&area=ZZ", "area", "There is no area “ZZ”"),
        ("basis=bls&area=4186O", "area", "There is no area"),
        ("area=%00", "area", "There is no area"),
        ("basis=official", "basis", "Choose the guide's figures or the official estimates."),
        ("basis=bls&area=" + "9" * 500, "area", "There is no area"),
    ],
)
def test_bad_codes_are_friendly_form_errors(client, query, field, message):
    response = get(client, query)
    errors = response.context["filter"].form.errors
    assert message in " ".join(errors[field])
    assert list(response.context["roles"]) == []


def test_the_form_offers_the_basis_and_a_picker_that_needs_no_script(client):
    page = get(client, "basis=bls&area=CA&skill=python").content.decode()
    assert 'name="basis" value="bls"' in page
    assert '<option value="CA" selected>California</option>' in page
    assert '<option value="US">United States</option>' in page
    assert 'href="/areas/?area=CA&amp;skill=python"' in page
