"""RoleFilter chooses the pay figure once: one `pay` annotation that every bound, sort and export
reads, whichever basis and area the visitor chose, and whatever order the filters are declared in.
Uses the article's data and the small official release (tests/official/oews_file.py): every
occupation earns a 120,000 median, except Data Scientists in California (160,000)."""

import csv
import io

import pytest
from django.http import QueryDict
from django.urls import reverse

from careers.filters import RoleFilter
from careers.models import Role
from official.models import Area

pytestmark = pytest.mark.usefixtures("official_data")

LIST = reverse("careers:role_list")


def narrowed(query, filterset_class=RoleFilter, **kwargs):
    filterset = filterset_class(
        QueryDict(query), queryset=Role.objects.published().for_list(), **kwargs
    )
    assert filterset.is_valid(), filterset.errors
    return filterset.qs


def test_pay_is_the_guides_stored_median_on_the_guides_basis():
    roles = list(narrowed("sort=-pay"))
    assert roles and all(role.pay == role.median_pay for role in roles)
    assert not any(role.pay_open_ended for role in roles)


def test_pay_is_the_official_median_in_the_area_on_the_official_basis():
    roles = {role.slug: role for role in narrowed("basis=bls&area=CA")}
    assert roles["data-scientist"].pay == roles["data-scientist"].bls_median == 160000
    assert roles["computer-engineer"].pay is None  # no official occupation


def test_bounds_and_sorts_read_the_same_figure():
    roles = list(narrowed("basis=bls&area=CA&pay_min=150000&sort=pay"))
    assert {role.slug for role in roles} == {
        "bi-developer",
        "data-analyst",
        "data-scientist",
        "junior-data-scientist",
    }
    ordered = list(narrowed("basis=bls&area=CA&sort=-pay"))
    paid = [role.pay for role in ordered if role.pay is not None]
    assert paid == sorted(paid, reverse=True)
    assert [role.pay is None for role in ordered] == sorted(role.pay is None for role in ordered)


class FiltersDeclaredBackwards(RoleFilter):
    class Meta(RoleFilter.Meta):
        fields = list(reversed(RoleFilter.Meta.fields))


@pytest.mark.parametrize(
    "query",
    [
        "basis=bls&area=CA&pay_min=150000&sort=pay",
        "basis=bls&area=CA&pay_max=130000&sort=-pay",
        "pay_min=150000&sort=pay&area=CA",
    ],
)
def test_results_do_not_depend_on_the_order_filters_are_declared(query):
    assert list(FiltersDeclaredBackwards.base_filters)[0] == "sort"
    expected = [role.slug for role in narrowed(query)]
    assert [role.slug for role in narrowed(query, FiltersDeclaredBackwards)] == expected


def test_dropping_the_basis_drops_the_official_figure_too():
    filterset = RoleFilter(
        QueryDict("basis=bls&area=CA&pay_min=150000"), queryset=Role.objects.published()
    )
    assert filterset.is_valid()
    on_guide = {role.slug for role in filterset.without("basis")}
    assert on_guide == {
        role.slug for role in Role.objects.published().filter(median_pay__gte=150000)
    }


def test_official_median_rides_along_on_the_guides_basis_only_when_asked():
    plain = narrowed("basis=guide&area=CA")
    assert "bls_median" not in plain.query.annotations
    rows = {role.slug: role for role in narrowed("basis=guide&area=CA", official_median=True)}
    assert rows["data-scientist"].bls_median == 160000
    assert rows["data-scientist"].pay == rows["data-scientist"].median_pay


def test_an_area_alone_means_the_official_figures_there():
    rows = {role.slug: role for role in narrowed("area=CA")}
    assert rows["data-scientist"].pay == rows["data-scientist"].bls_median == 160000


def test_export_sorts_and_bounds_on_the_chosen_figure(client):
    response = client.get(reverse("careers:role_export"), {"basis": "bls", "area": "CA"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0]["bls_median"] == "160000"
    assert {row["bls_area"] for row in rows} == {"California"}


def test_api_serializers_learn_the_area_from_their_context(client):
    response = client.get(reverse("api:role-list"), {"area": "CA", "sort": "title"})
    by_slug = {row["slug"]: row for row in response.json()["results"]}
    assert by_slug["data-scientist"]["official_median"]["area"]["code"] == "CA"
    assert by_slug["data-scientist"]["official_median"]["median"] == 160000
    assert by_slug["computer-engineer"]["official_median"] is None


def test_national_estimate_is_read_with_the_roles(django_assert_num_queries):
    with django_assert_num_queries(3):  # roles with occupations, salaries, national estimates
        roles = list(Role.objects.published().with_salary_records().with_national_estimate())
    national = Area.objects.get(kind="N")
    with django_assert_num_queries(0):
        by_slug = {role.slug: role.national_estimate for role in roles}
        assert by_slug["computer-engineer"] is None
        assert by_slug["data-scientist"].area == national
        assert by_slug["data-scientist"].median == 120000
        assert by_slug["data-scientist"].release.source.publisher


UNKNOWN = "utm_source=newsletter"


@pytest.mark.parametrize(
    "url",
    [
        f"{LIST}?skill=python&page=1&{UNKNOWN}",
        f"{LIST}?basis=bls&area=CA&pay_min=$100,000&{UNKNOWN}",
        f"{reverse('careers:match')}?have=python&{UNKNOWN}",
        f"{reverse('careers:area_picker')}?find=new&skill=python&{UNKNOWN}",
        f"{reverse('careers:role_pay', args=['data-scientist'])}?sort=-median&{UNKNOWN}",
        f"{reverse('faq:list')}?q=machine&{UNKNOWN}",
    ],
)
def test_links_never_carry_a_parameter_the_page_does_not_know(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "utm_source" not in response.content.decode()


def test_links_carry_the_filters_as_cleaned(client):
    response = client.get(LIST, {"pay_min": "$100,000", "area": "ca", "basis": "guide"})
    # The guide's figures beside an area are asked for: the link says so (an area alone would
    # mean the official figures).
    assert response.context["link_query"].urlencode() == "pay_min=100000&area=CA&basis=guide"
    html = response.content.decode()
    assert 'href="?pay_min=100000&amp;area=CA&amp;basis=guide&amp;sort=pay#results"' in html
    official = client.get(LIST, {"pay_min": "$100,000", "area": "ca", "basis": "bls"})
    assert official.context["link_query"].urlencode() == "pay_min=100000&area=CA"
