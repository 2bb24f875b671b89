"""/areas/: find an area by name and go back to the role list's official pay there, with the
list's other filters kept, without JavaScript."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.page_parsing import parse

URL = reverse("careers:area_picker")
pytestmark = pytest.mark.usefixtures("official_data")


def test_finds_areas_by_name(client):
    response = client.get(URL, {"find": "san fran"})
    assert response.status_code == 200
    assert [area.code for area in response.context["areas"]] == ["41860"]


def test_links_go_back_to_the_list_with_its_filters(client):
    response = client.get(f"{URL}?find=california&skill=python&pay_min=100000&page=1")
    links = parse(response).links
    # The area alone means its official figures: no `basis` needed.
    assert "/careers/?skill=python&pay_min=100000&area=CA" in links
    # The picker's own search box carries the list's filters as hidden fields.
    page = response.content.decode()
    assert '<input type="hidden" name="skill" value="python">' in page
    assert '<input type="hidden" name="find"' not in page


def test_the_role_list_links_to_it(client):
    response = client.get(reverse("careers:role_list"), {"skill": "python"})
    assert f"{URL}?skill=python" in parse(response).links


@pytest.mark.parametrize("find", ["\x00", "x" * 101])
def test_a_bad_search_is_a_form_error(client, find):
    response = client.get(URL, {"find": find})
    assert response.status_code == 200
    assert response.context["filter"].form.errors
    assert list(response.context["areas"]) == []


def test_hostile_carried_values_are_escaped(client):
    response = client.get(URL, {"q": '"><script>alert(1)</script>'})
    assert "<script>alert(1)" not in response.content.decode()


def test_query_count_is_flat(client, django_assert_num_queries):
    with django_assert_num_queries(2):
        assert client.get(URL, {"find": "a"}).status_code == 200
    call_command("generate_synthetic_roles", "1000", verbosity=0)
    with django_assert_num_queries(2):
        assert client.get(URL, {"find": "a"}).status_code == 200


def test_the_nation_is_named_for_visitors(client):
    response = client.get(URL, {"find": "national"})
    assert ">United States</a>" in response.content.decode()
