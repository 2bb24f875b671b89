"""A role's own page: description, pay panel, skills, duties, path, next steps, companies, FAQ."""

import re

import pytest
from django.urls import reverse

from careers.models import Role

pytestmark = pytest.mark.usefixtures("article_data")


def page(client, slug):
    return client.get(reverse("careers:role_detail", args=[slug]))


@pytest.fixture
def mle(client):
    response = page(client, "machine-learning-engineer")
    assert response.status_code == 200
    return response.text


@pytest.mark.parametrize("slug", ["no-such-role", "synthetic-x-1", "a" * 300])
def test_unknown_slug_is_404(client, slug):
    assert page(client, slug).status_code == 404


def test_unpublished_role_is_404(client):
    Role.objects.filter(slug="data-scientist").update(is_published=False)
    assert page(client, "data-scientist").status_code == 404


def test_exactly_one_h1_and_a_meta_description_from_the_summary(mle):
    assert len(re.findall(r"<h1[\s>]", mle)) == 1
    meta = re.search(r'<meta name="description" content="([^"]*)"', mle).group(1)
    assert meta.startswith("Machine Learning Engineer: Builds and manages platforms")


def test_description_cites_its_source(mle):
    assert "Builds and manages platforms for machine learning projects." in mle
    assert "Description source: Want to Work in Machine Learning?" in mle


def test_pay_panel_cites_every_figure_and_warns_it_fluctuates(mle):
    panel = re.search(r'<section class="pay-panel".*?</section>', mle, re.S).group(0)
    assert "$168,730" in panel
    assert "$135,000" in panel and "$215,000" in panel
    assert panel.count('class="citation"') == 2
    assert "as of February 2025" in panel
    assert "Glassdoor" in panel
    assert "Salary data fluctuates frequently." in panel


def test_role_without_pay_says_so_and_shows_no_warning(client):
    html = page(client, "head-of-ai").text
    assert "No pay data" in html
    assert "Salary data fluctuates frequently." not in html


def test_skills_credit_techrepublic_and_show_general_skills_with_their_scope(mle):
    section = re.search(r'<section class="role-skills".*?</section>', mle, re.S).group(0)
    technical = section.index("<h3>Technical skills</h3>")
    general = section.index("<h3>For machine learning roles in general</h3>")
    deep = reverse("careers:skill_detail", args=["deep-learning"])
    teamwork = reverse("careers:skill_detail", args=["teamwork"])
    python = reverse("careers:skill_detail", args=["python"])
    assert technical < section.index(f'href="{deep}"') < general
    # TechRepublic's list is credited where it is shown.
    assert technical < section.index("Skills listed by: TechRepublic.") < general
    assert "Essential" in section
    # The soft skills and the FAQ's languages: scoped to machine learning roles in general.
    after = section[general:]
    assert f'href="{teamwork}"' in after and f'href="{python}"' in after
    assert "Soft skills are also extremely valuable in machine learning positions." in after
    assert "learn programming languages (Python, R)" in after
    assert "Valuable" not in section  # never credited to this role as its own


def test_general_skills_show_on_every_role_page(client):
    html = page(client, "head-of-ai").text
    assert "<h3>For machine learning roles in general</h3>" in html
    assert 'href="/skills/teamwork/"' in html


def test_quick_facts_come_first_with_pay_stage_key_skills_and_next_step(mle):
    box = re.search(r'<section class="quick-facts".*?</section>', mle, re.S).group(0)
    assert mle.index('class="quick-facts"') < mle.index('class="pay-panel"')
    assert mle.index('class="pay-panel"') < mle.index('class="role-description"')
    assert "Median total pay" in box and "$168,730" in box and "February 2025" in box
    assert 'href="#career-stage">Established</a>' in box
    assert "Computer science fundamentals" in box
    assert 'href="/careers/nlp-scientist/"' in box


def test_pay_labels_name_each_figure_once(mle):
    panel = re.search(r'<section class="pay-panel".*?</section>', mle, re.S).group(0)
    labels = re.findall(r"<dt>(.*?)</dt>", panel)
    # The guide's median and Glassdoor's average and range, each with one plain label.
    assert labels == ["Median total pay", "Average annual salary", "Pay range"]


def test_duties_are_labelled_as_general_to_machine_learning_professionals(mle):
    assert "duties for machine learning professionals in general" in mle
    assert "Researching and developing ML algorithms" in mle
    # The article lists one duty twice; the page shows it once.
    assert mle.count("Continuously monitoring and updating ML models") == 1


def test_how_to_get_there_lists_the_steps_and_links_to_the_path(mle):
    assert "Undergraduate degree" in mle
    assert "Advanced degree" in mle
    assert f'href="{reverse("careers:path")}"' in mle


def test_next_steps_show_their_pay_with_a_citation(mle):
    section = re.search(r'<section class="role-stage".*?</section>', mle, re.S).group(0)
    nlp = re.search(r"<li><a href=\"/careers/nlp-scientist/\">.*?</li>", section, re.S).group(0)
    assert "$180,727" in nlp
    assert "as of February 2025" in nlp
    assert 'Senior Machine Learning Engineer</a>: <span class="no-data">no pay data' in section


def test_roles_that_lead_here(mle):
    section = mle[mle.index("Roles that lead here") :]
    assert 'href="/careers/data-analyst/"' in section
    assert 'href="/careers/software-engineer/"' in section


def test_companies_hiring_link_to_company_pages_with_the_linkedin_source(mle):
    assert f'href="{reverse("careers:company_detail", args=["amazon"])}"' in mle
    assert "Source: LinkedIn, as of February 2025" in mle


def test_companies_section_is_absent_when_none_are_named(client):
    assert "Companies hiring" not in page(client, "data-analyst").text


def test_faq_entries_link_to_their_answers(mle):
    assert 'href="/faq/#is-machine-learning-high-paying"' in mle


def test_role_without_stage_says_the_sources_do_not_place_it(client):
    assert "do not place this role" in page(client, "computational-linguist").text
