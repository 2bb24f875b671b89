"""The visitor's area, chosen once: one control under the header, `?area=` read by home, the
role list, role pages, pay pages, compare and match, carried by their links, removable.

The official test release (tests/official/oews_file.py): Data Scientists earn a 120,000 median
nationally and 160,000 in California; San Francisco (41860) has its own estimates.
"""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from careers.models import Role
from official.models import Area

pytestmark = pytest.mark.usefixtures("official_data")

LIST = reverse("careers:role_list")
ROLE = reverse("careers:role_detail", args=["data-scientist"])
PAY = reverse("careers:role_pay", args=["data-scientist"])
COMPARE = reverse("careers:compare")
MATCH = reverse("careers:match")
HOME = reverse("careers:home")
PICKER = reverse("careers:area_picker")

AREA_PAGES = [
    HOME,
    LIST,
    ROLE,
    PAY,
    f"{COMPARE}?role=data-scientist&role=machine-learning-engineer",
    f"{MATCH}?have=python",
]


def parse(html):
    return BeautifulSoup(html, "html.parser")


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return parse(response.content.decode())


def control(tree):
    return tree.select_one("details.area-choice")


@pytest.mark.parametrize("url", AREA_PAGES)
def test_every_page_that_shows_pay_has_the_control_with_the_chosen_area(client, url):
    joiner = "&" if "?" in url else "?"
    tree = page(client, f"{url}{joiner}area=ca")
    choice = control(tree)
    assert "California" in choice.select_one("summary").get_text()
    selected = choice.select_one("select[name=area] option[selected]")
    assert selected.attrs["value"] == "CA"
    remove = next(a for a in choice.select("a") if a.get_text().startswith("Remove"))
    assert "area=" not in remove.attrs["href"]
    # Choosing another area keeps everything else the page was asked for, and no page number.
    form = choice.select_one("form")
    assert form.attrs["method"] == "get"
    hidden = {i.attrs["name"] for i in form.select("input[type=hidden]")}
    assert "area" not in hidden and "page" not in hidden


@pytest.mark.parametrize("url", AREA_PAGES)
def test_without_an_area_the_control_offers_one_and_nothing_to_remove(client, url):
    choice = control(page(client, url))
    assert "choose your area" in choice.select_one("summary").get_text()
    assert not [a for a in choice.select("a") if a.get_text().startswith("Remove")]
    codes = [o.attrs["value"] for o in choice.select("option")]
    assert codes[0] == "US" and "CA" in codes and "DC" in codes


def test_pages_without_pay_point_to_the_area_finder_instead(client):
    tree = page(client, reverse("careers:skill_list"))
    assert control(tree) is None
    link = tree.select_one(".area-bar a")
    assert link.attrs["href"] == PICKER


def test_the_header_links_carry_the_area_to_the_pages_that_show_it(client):
    tree = page(client, f"{ROLE}?area=CA")
    nav = {a.get_text(): a.attrs["href"] for a in tree.select(".site-nav a")}
    assert nav["Careers"] == f"{LIST}?area=CA"
    assert nav["Skill match"] == f"{MATCH}?area=CA"
    assert nav["Compare"] == f"{COMPARE}?area=CA"
    assert nav["Skills"] == reverse("careers:skill_list")  # shows no pay: nothing to carry
    assert tree.select_one("a.brand").attrs["href"] == f"{HOME}?area=CA"


def test_an_area_alone_lists_the_official_figures_there(client):
    tree = page(client, f"{LIST}?area=CA")
    assert "Official pay in California" in tree.select_one(".active-filters").get_text()
    row = next(
        r for r in tree.select("li.role-row") if "Data Scientist" in r.select_one("h3").get_text()
    )
    official = row.select_one(".role-facts__item--official")
    assert "Official median, California" in official.get_text()
    assert "$160,000" in official.get_text()
    # Role links and the compare form keep the area; removing it goes back to the guide's.
    link = row.select_one("h3 a").attrs["href"]
    assert link == f"{ROLE}?area=CA"
    compare = tree.select_one("form#compare-roles input[name=area]")
    assert compare.attrs["value"] == "CA"
    remove = next(a for a in control(tree).select("a") if a.get_text().startswith("Remove"))
    assert remove.attrs["href"] == LIST


def test_the_guides_figures_beside_an_area_stay_the_guides(client):
    tree = page(client, f"{LIST}?basis=guide&area=CA")
    assert tree.select_one(".role-facts__item--official") is None
    assert "California" in control(tree).select_one("summary").get_text()
    link = tree.select_one("li.role-row h3 a").attrs["href"]
    assert link.endswith("?area=CA")


def test_sorting_by_pay_in_an_area_orders_by_the_official_median_there(client):
    tree = page(client, f"{LIST}?area=CA&sort=-pay")
    titles = [h.get_text() for h in tree.select("li.role-row h3")]
    # California's 160,000 is for data scientists only: their roles come first.
    scientists = set(
        Role.objects.published()
        .filter(official_occupation__soc_code="15-2051")
        .values_list("title", flat=True)
    )
    assert len(scientists) >= 2
    assert set(titles[: len(scientists)]) == scientists
    sort_links = [a.attrs["href"] for a in tree.select("#sort-menu a")]
    assert sort_links and all("area=CA" in href and "basis" not in href for href in sort_links)


def test_the_role_page_shows_the_area_beside_the_nation(client):
    tree = page(client, f"{ROLE}?area=CA")
    table = tree.select_one("table.official-table")
    headings = [th.get_text() for th in table.select("thead th")]
    assert headings == ["Measure", "California", "United States"]
    median = next(r for r in table.select("tbody tr") if r.select_one("th").get_text() == "Median")
    assert [td.get_text() for td in median.select("td")] == ["$160,000", "$120,000"]
    assert "How precise, California" in tree.get_text()
    pay = next(a for a in tree.select(".official-pay a") if "by state and metro" in a.get_text())
    assert pay.attrs["href"] == f"{PAY}?area=CA"


def test_the_role_page_says_when_the_area_has_no_estimate(client):
    tree = page(client, f"{reverse('careers:role_detail', args=['software-developer'])}?area=PR")
    assert "BLS publishes no estimate of software developers in Puerto Rico" in tree.get_text()
    headings = [th.get_text() for th in tree.select_one("table.official-table").select("thead th")]
    assert headings == ["Measure", "United States"]


def test_the_nation_chosen_is_the_national_table_alone(client):
    tree = page(client, f"{ROLE}?area=US")
    headings = [th.get_text() for th in tree.select_one("table.official-table").select("thead th")]
    assert headings == ["Measure", "United States"]
    assert "United States" in control(tree).select_one("summary").get_text()


@pytest.mark.parametrize("code", ["ZZ", "123", "x" * 300, "C\x00A"])
def test_an_unknown_area_is_a_message_in_the_control_and_the_national_figures(client, code):
    response = client.get(ROLE, {"area": code})
    assert response.status_code == 200
    html = response.content.decode()
    assert "\x00" not in html
    tree = parse(html)
    choice = control(tree)
    assert choice.has_attr("open")
    error = choice.select_one("#area-choice-error").get_text()
    assert "area code" in error or "no area" in error
    headings = [th.get_text() for th in tree.select_one("table.official-table").select("thead th")]
    assert headings == ["Measure", "United States"]


def test_the_pay_page_highlights_the_visitors_area(client):
    tree = page(client, f"{PAY}?area=CA")
    assert "California" in control(tree).select_one("summary").get_text()
    assert tree.select_one("#selected-heading").get_text().strip() == "Highlighted: California"
    back = tree.select_one(".breadcrumbs a[href^='/careers/data-scientist/']")
    assert back.attrs["href"] == f"{ROLE}?area=CA"


def test_compare_shows_a_row_of_the_areas_medians(client):
    url = f"{COMPARE}?role=data-scientist&role=machine-learning-engineer&area=CA"
    tree = page(client, url)
    rows = {r.select_one("th").get_text(): r for r in tree.select("table tr") if r.select_one("th")}
    local = rows["Official median pay (BLS, California)"]
    assert [td.get_text().strip()[:8] for td in local.select("td")] == ["$160,000", "$120,000"]
    assert "Official median pay (BLS, United States)" in rows
    removes = [a.attrs["href"] for a in tree.select("a.compare-remove")]
    assert all(href.endswith("area=CA") for href in removes)
    assert tree.select_one("form.compare-add input[name=area]").attrs["value"] == "CA"


def test_match_ranks_with_the_areas_official_medians(client):
    tree = page(client, f"{MATCH}?have=python&area=41860")
    facts = [f.get_text() for f in tree.select(".role-facts__item--official dt")]
    assert facts and all("San Francisco-Oakland-Fremont, CA" in text for text in facts)
    options = control(tree).select("optgroup")
    assert options[0].attrs["label"] == "Metro area"  # the chosen metro stays selectable
    assert tree.select_one("form.tool-form input[name=area]").attrs["value"] == "41860"


def test_home_search_and_ways_in_carry_the_area(client):
    tree = page(client, f"{HOME}?area=CA")
    assert tree.select_one("form.home-search input[name=area]").attrs["value"] == "CA"
    ways = [a.attrs["href"] for a in tree.select(".ways-in a")]
    assert f"{LIST}?area=CA" in ways and f"{MATCH}?area=CA" in ways


def test_a_search_for_a_place_points_to_its_official_pay(client):
    tree = page(client, f"{LIST}?q=california&stage=established")
    text = tree.select_one(".empty-state").get_text()
    assert "No role is named like “california”, but places are." in text
    links = {a.get_text(): a.attrs["href"] for a in tree.select(".empty-state a")}
    assert links["California"] == f"{LIST}?stage=established&area=CA"
    assert "Eastern Sierra-Mother Lode Region of California nonmetropolitan area" in links
    assert links["Find another area by name"] == f"{PICKER}?find=california"


def test_a_search_for_a_role_suggests_no_place(client):
    tree = page(client, f"{LIST}?q=zzzz")
    assert "places are" not in tree.get_text()


def test_the_area_finder_returns_to_the_page_it_came_from(client):
    compare = f"{COMPARE}?role=data-scientist&role=machine-learning-engineer"
    tree = page(client, f"{ROLE}")
    finder = next(a for a in control(tree).select("a") if a.get_text() == "Find a metro area")
    assert finder.attrs["href"] == f"{PICKER}?next=%2Fcareers%2Fdata-scientist%2F"
    response = client.get(PICKER, {"next": compare, "find": "san francisco"})
    links = {
        a.get_text(): a.attrs["href"]
        for a in parse(response.content.decode()).select(".area-list a")
    }
    assert links["San Francisco-Oakland-Fremont, CA"] == f"{compare}&area=41860"
    # The search form keeps where to return.
    form = parse(response.content.decode()).select_one("form.area-finder")
    assert form.select_one("input[name=next]").attrs["value"] == compare


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example/careers/",
        "https://evil.example/careers/",
        "/\\evil.example/",
        "/skills/",  # shows no area
        "/no-such-page/",
        "/careers/\x00/",
    ],
)
def test_the_area_finder_returns_only_to_this_sites_area_pages(client, target):
    response = client.get(PICKER, {"next": target, "find": "california"})
    assert response.status_code == 200
    tree = parse(response.content.decode())
    hrefs = [a.attrs["href"] for a in tree.select(".area-list a")]
    assert hrefs and all(href.startswith(f"{LIST}?area=") for href in hrefs)
    assert "evil" not in response.content.decode()


def test_the_finder_lists_the_nations_official_figures_as_the_nation(client):
    tree = page(client, f"{PICKER}?skill=python")
    links = {a.get_text(): a.attrs["href"] for a in tree.select(".area-list a")}
    # The nation is the default area: the official figures are asked for by the basis.
    assert links["United States"] == f"{LIST}?skill=python&basis=bls"
    back = page(client, f"{PICKER}?next=/match/%3Fhave%3Dpython")
    links = {a.get_text(): a.attrs["href"] for a in back.select(".area-list a")}
    assert links["United States"] == f"{MATCH}?have=python"


def test_the_control_carries_a_tampered_page_only_within_bounds(client):
    skills = "&".join(f"have=nope-{n}" for n in range(200))
    tree = page(client, f"{MATCH}?{skills}&area=CA")
    hidden = control(tree).select("input[type=hidden]")
    assert 0 < len(hidden) <= 40
    long = "x" * 5000
    tree = page(client, f"{COMPARE}?role=data-scientist&find={long}", status=400)
    values = [i.attrs["value"] for i in control(tree).select("input[type=hidden]")]
    assert values == ["data-scientist"]


def test_an_unknown_area_on_the_list_is_said_in_the_control_and_the_form(client):
    tree = page(client, f"{LIST}?area=ZZ")
    assert "There is no area" in control(tree).select_one("#area-choice-error").get_text()
    summary = tree.select_one(".error-summary a[href='#area-choice']")
    assert summary is not None


def test_before_any_official_data_the_header_points_to_the_finder(client):
    Area.objects.all().delete()
    tree = page(client, ROLE)
    assert control(tree) is None
    assert tree.select_one(".area-bar a").attrs["href"] == PICKER


def test_a_long_place_search_links_to_a_search_the_finder_accepts(client):
    words = "california " + "x" * 150
    tree = page(client, f"{LIST}?q={words}")
    link = next(a for a in tree.select(".empty-state a") if a.get_text().startswith("Find"))
    response = client.get(link.attrs["href"])
    assert response.status_code == 200
    assert not response.context["filter"].form.errors


def test_a_short_word_suggests_no_place_but_a_place_name_does(client):
    assert "places are" not in page(client, f"{LIST}?q=the+zzzz").get_text()
    tree = page(client, f"{LIST}?q=san+francisco")
    places = [a.get_text() for a in tree.select(".empty-state li a") if "area=" in a.attrs["href"]]
    assert places == ["San Francisco-Oakland-Fremont, CA"]
