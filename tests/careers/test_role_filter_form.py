"""The role list's filter form as Django's widgets draw it: every control named, labelled,
described and showing the state the query string asked for."""

import pytest
from django.urls import reverse

from tests.page_parsing import parse

URL = reverse("careers:role_list")

pytestmark = pytest.mark.usefixtures("article_data")


def controls(response):
    """name -> [attrs of each <input>/<select>/<option> for it] in the filter form."""
    found = {}
    select = None
    for tag, attrs in parse(response).tags:
        if tag == "select":
            select = attrs["name"]
        if tag in ("input", "select"):
            found.setdefault(attrs["name"], []).append(attrs)
        elif tag == "option":
            found.setdefault(f"{select}:option", []).append(attrs)
    return found


def test_text_boxes_carry_their_widgets_attributes(client):
    found = controls(client.get(URL))
    [q] = found["q"]
    assert (q["type"], q["maxlength"], q["id"]) == ("search", "200", "id_q")
    for name in ("pay_min", "pay_max"):
        [box] = found[name]
        assert box["type"] == "text"
        assert (box["inputmode"], box["autocomplete"], box["size"]) == ("numeric", "off", "10")
        assert box["id"] == f"id_{name}"


def test_every_control_has_a_label_and_its_description_exists(client):
    page = parse(client.get(URL, {"pay_max": "lots"}))
    labelled = {attrs["for"] for tag, attrs in page.tags if tag == "label" and "for" in attrs}
    described = set()
    for tag, attrs in page.tags:
        if tag in ("input", "select") and attrs.get("type") != "submit":
            assert attrs["id"] in labelled, attrs
        if "aria-describedby" in attrs:
            described.update(attrs["aria-describedby"].split())
    assert {"id_q_helptext", "id_pay_max_helptext", "id_pay_max_error"} <= described
    assert described <= set(page.ids)


def test_the_query_is_shown_as_checked_selected_and_typed(client):
    company = controls(client.get(URL))["company:option"][1]["value"]
    response = client.get(
        URL,
        {"skill": "deep-learning", "stage": "established", "company": company, "q": "data"},
    )
    found = controls(response)
    assert [b["value"] for b in found["skill"] if "checked" in b] == ["deep-learning"]
    assert [b["value"] for b in found["stage"] if "checked" in b] == ["established"]
    assert [o["value"] for o in found["company:option"] if "selected" in o] == [company]
    assert [b["value"] for b in found["sort"] if "checked" in b] == ["-pay"]  # the default
    assert found["q"][0]["value"] == "data"


def test_a_pay_bound_is_echoed_as_typed(client):
    found = controls(client.get(URL, {"pay_min": "$150,000"}))
    assert found["pay_min"][0]["value"] == "$150,000"
    assert "value" not in found["pay_max"][0]


def test_only_the_refused_fields_are_marked_invalid(client):
    found = controls(client.get(URL, {"pay_min": "abc", "stage": "nope"}))
    assert found["pay_min"][0]["aria-invalid"] == "true"
    assert "id_pay_min_error" in found["pay_min"][0]["aria-describedby"].split()
    assert all(radio["aria-invalid"] == "true" for radio in found["stage"])
    for name in ("q", "pay_max", "skill", "company", "sort"):
        assert all("aria-invalid" not in attrs for attrs in found[name]), name


def test_a_refused_choice_group_is_described_by_its_error(client):
    page = parse(client.get(URL, {"sort": "sideways"}))
    fieldsets = [a for tag, a in page.tags if tag == "fieldset" and "aria-describedby" in a]
    assert {"aria-describedby": "id_sort_error"} in fieldsets
    assert "id_sort_error" in page.ids
