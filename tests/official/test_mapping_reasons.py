"""Issue 19 item 1: each role's official occupation with the editors' reason and up to three
alternatives, as the fixtures hold them, on the role page and through the pay page's
`occupation` parameter; a role with none shows its candidates side by side."""

import re

import pytest
from django.urls import resolve, reverse

from careerguide.page_keys import ONE, known_parameters
from careers.models import MAX_ALTERNATIVES, Role, RoleOccupation
from official.models import WageEstimate

from .oews_file import AREAS, OCCUPATIONS, default_cells, figures, write_release

ROLE_PAGE = "careers:role_detail"
PAY_PAGE = "careers:role_pay"


def alternatives(slug):
    return list(
        RoleOccupation.objects.filter(role__slug=slug)
        .order_by("order")
        .values_list("occupation__soc_code", flat=True)
    )


def why_section(html):
    return re.search(r'<section class="official-why".*?</section>', html, re.S).group(0)


def pay_link(slug, soc_code):
    return f"{reverse(PAY_PAGE, args=[slug])}?occupation={soc_code}"


@pytest.mark.usefixtures("article_data")
class TestFixtures:
    @pytest.mark.parametrize(
        "slug", ["machine-learning-engineer", "senior-machine-learning-engineer"]
    )
    def test_machine_learning_engineers_map_to_software_developers(self, slug):
        role = Role.objects.get(slug=slug)
        assert (role.official_occupation.soc_code, role.official_match) == ("15-1252", "closest")
        assert alternatives(slug) == ["15-2051", "15-1221"]

    def test_the_machine_learning_engineer_reason_cites_the_guide_and_bls(self):
        reason = Role.objects.get(slug="machine-learning-engineer").official_reason
        # The guide's words for the role, and BLS's for both occupations it weighs.
        assert "platforms for ML projects" in reason
        assert "scalable machine learning solutions in production" in reason
        assert "design computer applications or programs" in reason
        assert "design innovative uses for new and existing computing technology" in reason

    def test_every_role_has_a_reason_and_at_most_three_alternatives(self):
        for role in Role.objects.all():
            assert role.official_reason.strip(), role.slug
            codes = alternatives(role.slug)
            assert 1 <= len(codes) <= MAX_ALTERNATIVES, role.slug
            own = role.official_occupation.soc_code if role.official_occupation else None
            assert own not in codes, role.slug

    def test_computer_engineer_has_two_candidates_and_says_why_neither(self):
        role = Role.objects.get(slug="computer-engineer")
        assert role.official_occupation is None and role.official_match == ""
        assert alternatives("computer-engineer") == ["17-2061", "15-1252"]
        assert "neither is chosen" in role.official_reason


@pytest.mark.usefixtures("official_data")
class TestRolePage:
    def test_why_this_occupation_with_alternatives_linking_to_their_pay(
        self, client, django_assert_max_num_queries
    ):
        response = client.get(reverse(ROLE_PAGE, args=["machine-learning-engineer"]))
        assert response.status_code == 200
        section = why_section(response.content.decode())
        assert "Why this occupation?" in section
        assert "platforms for ML projects" in section
        for code in ("15-2051", "15-1221"):
            assert f'href="{pay_link("machine-learning-engineer", code)}"' in section
        # The small release: every occupation's national median is $120,000 (1,000 jobs).
        assert section.count("<td>$120,000</td>") == 2
        # Four roles share Software Developers' figure: Machine Learning Engineer, its senior
        # step, Software Engineer and Software Developer.
        assert "Same official figure for 4 roles: Software Developers" in section

    def test_computer_engineer_shows_its_candidates_side_by_side(self, client):
        html = client.get(reverse(ROLE_PAGE, args=["computer-engineer"])).content.decode()
        section = why_section(html)
        assert "Why no official occupation?" in section
        assert "Candidate occupations for Computer Engineer, side by side" in section
        rows = re.findall(r"<tr>\s*<th scope=\"row\">(.*?)</tr>", section, re.S)
        assert [re.search(r"SOC (\d\d-\d{4})", row).group(1) for row in rows] == [
            "17-2061",
            "15-1252",
        ]
        # The small release has no Computer Hardware Engineers; Software Developers' median.
        assert "BLS publishes no estimate" in rows[0] or "No estimate" in rows[0]
        assert "<td>$120,000</td>" in rows[1]
        assert "neither is chosen" in section


@pytest.fixture
def hardware_release(tmp_path):
    """The small release plus Computer Hardware Engineers (17-2061), outside 15-0000."""
    cells = default_cells()
    for area, kind, _, _ in AREAS:
        cells[f"OEU{kind}{area}000000172061"] = figures(median="161000", p25="126000", p75="203000")
    occupations = [*OCCUPATIONS, ("172061", "Computer Hardware Engineers", 3)]
    return write_release(tmp_path, cells=cells, occupations=occupations)


def test_an_alternative_outside_15_0000_gets_its_figures(
    article_data, import_release, hardware_release, client
):
    import_release(hardware_release)
    national = WageEstimate.objects.get(occupation__soc_code="17-2061", area__code="US")
    assert national.median == 161_000
    html = client.get(reverse(ROLE_PAGE, args=["computer-engineer"])).content.decode()
    section = why_section(html)
    assert "<td>$161,000</td>" in section and "<td>$120,000</td>" in section
    assert "$126,000 to $203,000" in section
    # Its pay by location, through the role's page.
    response = client.get(pay_link("computer-engineer", "17-2061"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Candidate occupation: <strong>Computer Hardware Engineers, SOC 17-2061</strong>" in text
    assert "$161,000" in text


@pytest.mark.usefixtures("official_data")
class TestOccupationParameter:
    def test_an_alternative_shows_its_own_figures_and_links_keep_it(self, client):
        # Data Scientists' California median is $160,000 in the small release; Software
        # Developers' is $120,000.
        response = client.get(
            reverse(PAY_PAGE, args=["machine-learning-engineer"]),
            {"occupation": "15-2051", "sort": "-median"},
        )
        assert response.status_code == 200
        text = response.content.decode()
        assert "Alternative occupation: <strong>Data Scientists, SOC 15-2051</strong>" in text
        assert "$160,000" in text
        # Sorting links and the map keep the occupation.
        assert "occupation=15-2051" in text.split('id="states-heading"', 1)[1]
        own = client.get(reverse(PAY_PAGE, args=["machine-learning-engineer"])).content.decode()
        assert (
            "Closest official occupation: <strong>Software Developers, SOC 15-1252</strong>" in own
        )
        assert f'href="{pay_link("machine-learning-engineer", "15-2051")}"' in own

    def test_an_occupation_the_role_does_not_offer_is_a_404_naming_those_it_does(self, client):
        # 15-2051 is real and imported, but not one of Software Engineer's occupations.
        response = client.get(pay_link("software-engineer", "15-2051"))
        assert response.status_code == 404
        text = response.content.decode()
        assert "SOC 15-2051 is not an occupation this site shows for Software Engineer" in text
        assert f'href="{pay_link("software-engineer", "15-1251")}"' in text

    @pytest.mark.parametrize(
        "value", ["abc", "151252", "15-12520", "x" * 5000, "15-1252\x00", "１５-１２５２"]
    )
    def test_a_value_that_is_not_a_soc_code_is_a_400_with_the_reason(self, client, value):
        response = client.get(
            reverse(PAY_PAGE, args=["machine-learning-engineer"]), {"occupation": value}
        )
        assert response.status_code == 400
        assert "is not a SOC code" in response.content.decode()

    def test_the_page_cache_passes_the_parameter(self):
        # The page cache hands a view only the parameters it declares.
        view = resolve(reverse(PAY_PAGE, args=["machine-learning-engineer"])).func
        assert known_parameters(view)["occupation"] == ONE
