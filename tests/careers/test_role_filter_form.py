"""The role list's filter form as Django's widgets draw it: every control named, labelled,
described and showing the state the query string asked for."""

from types import SimpleNamespace

import pytest
from django.urls import reverse

from tests.page_parsing import parse

URL = reverse("careers:role_list")

pytestmark = pytest.mark.usefixtures("article_data")


def filter_form(response):
    """The filter form alone: the page's other forms (the area control) have their own tests."""
    html = response.content.decode()
    start = html.index('<form class="role-filters"')
    form = html[start : html.index("</form>", start) + len("</form>")]
    return parse(SimpleNamespace(content=form.encode()))


def controls(response):
    """name -> [attrs of each <input>/<select>/<option> for it] in the filter form."""
    found = {}
    select = None
    for tag, attrs in filter_form(response).tags:
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
    hidden = {"hidden"}
    labelled = {attrs["for"] for tag, attrs in page.tags if tag == "label" and "for" in attrs}
    described = set()
    for tag, attrs in page.tags:
        if tag in ("input", "select") and attrs.get("type") not in ("submit", *hidden):
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
    assert "sort" not in found  # the sort menu is links above the results, not form fields
    page = parse(response)
    current = [a for tag, a in page.tags if tag == "a" and a.get("aria-current") == "true"]
    assert [a["href"] for a in current if "sort=" in a["href"]][0].endswith("sort=-pay#results")
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
    for name in ("q", "pay_max", "skill", "company"):
        assert all("aria-invalid" not in attrs for attrs in found[name]), name


def test_a_refused_choice_group_is_described_by_its_error(client):
    page = parse(client.get(URL, {"stage": "sideways"}))
    fieldsets = [a for tag, a in page.tags if tag == "fieldset" and "aria-describedby" in a]
    assert {"aria-describedby": "id_stage_error"} in fieldsets
    assert "id_stage_error" in page.ids


def test_a_refused_sort_is_shown_at_the_sort_menu_and_linked_from_the_summary(client):
    response = client.get(URL, {"sort": "sideways"})
    page = parse(response)
    assert "#sort-menu" in page.links and "sort-menu" in page.ids
    menu = response.text.split('id="sort-menu"')[1].split("</nav>")[0]
    assert "Sort by pay, by title or by projected growth." in menu


def test_a_chosen_sort_rides_along_when_the_filters_are_submitted(client):
    page = parse(client.get(URL, {"sort": "title", "stage": "established"}))
    assert ("input", {"type": "hidden", "name": "sort", "value": "title"}) in page.tags
    [form] = [a for tag, a in page.tags if tag == "form" and a.get("id") == "filters"]
    assert form["action"] == "/careers/#results" and form["method"] == "get"
    # The default sort needs no hidden field.
    page = filter_form(client.get(URL, {"stage": "established"}))
    assert not [a for tag, a in page.tags if tag == "input" and a.get("type") == "hidden"]
