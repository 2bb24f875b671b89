"""/path/: the career path drawn as an SVG map and as a ladder of stages, each arrow labelled by
its evidence (a step the guide names, or one inferred from the FAQ's order of stages), that
evidence stated once per group, and pay beside every role: the guide's, else BLS's."""

import html
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from careers import path_graph
from careers.models import EducationStep, Role
from core.formatting import money
from faq.models import FaqEntry
from official.models import AreaKind, Occupation, WageEstimate
from tests.page_parsing import PageParser

URL = reverse("careers:path")
FAQ_PATHS = "What are the career paths for machine learning?"


def graph(client):
    response = client.get(URL)
    assert response.status_code == 200
    return response.context["graph"], response.content.decode()


def edge_pairs(data):
    return {(e.source.role.slug, e.target.role.slug) for e in data["edges"]}


def evidence(data):
    return {(e.source.role.slug, e.target.role.slug): e.evidence for e in data["edges"]}


def words(fragment):
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", fragment))).strip()


def section(page, heading_id):
    """The <section> labelled by `heading_id`, up to its own closing tag."""
    start = page.index(f'aria-labelledby="{heading_id}"')
    depth, position = 1, page.index(">", start)
    while depth:
        opening = page.find("<section", position)
        closing = page.find("</section>", position)
        if opening != -1 and opening < closing:
            depth, position = depth + 1, opening + 1
        else:
            depth, position = depth - 1, closing + 1
    return page[start:position]


def ladder_item(page, slug):
    """The ladder's card of one role."""
    ladder = page[page.index('<ol class="path-ladder"') :]
    start = ladder.index(f'class="path-ladder__title" href="/careers/{slug}/"')
    return ladder[start : ladder.index("</li>", start)]


def test_stages_are_columns_and_every_published_next_step_is_an_arrow(client, article_data):
    data, html_page = graph(client)
    assert [c.label for c in data["columns"]] == [
        "Roles to start in",
        "Entry level",
        "Established",
        "Specialist",
        "Leadership",
    ]
    expected = set(Role.next_roles.through.objects.values_list("from_role__slug", "to_role__slug"))
    assert edge_pairs(data) == expected
    assert html_page.count('class="path-graph__edge ') == len(expected)
    assert html_page.count('marker-end="url(#path-arrow)"') == len(expected)


def test_roles_are_nodes_linked_to_their_pages(client, article_data):
    data, html_page = graph(client)
    parser = PageParser()
    parser.feed(html_page)
    for column in data["columns"]:
        for node in column.nodes:
            assert node.role.get_absolute_url() in parser.links


# ---------- each arrow's evidence ----------


def test_roles_the_experience_step_names_to_start_in_are_steps_the_guide_names(
    client, article_data
):
    data, _ = graph(client)
    experience = EducationStep.objects.get(slug="experience")
    named = {pair for pair, found in evidence(data).items() if found.kind == path_graph.NAMED}
    # The step names these five as roles to start in, in the passage about this engineer.
    assert named == {
        (slug, "machine-learning-engineer")
        for slug in (
            "software-engineer",
            "software-programmer",
            "software-developer",
            "data-scientist",
            "computer-engineer",
        )
    }
    for pair in named:
        # Cited to the passage that says it (the guide's own sentence, not the quoted one).
        passage = evidence(data)[pair].record
        assert passage.step == experience and "start in" in passage.text
        assert evidence(data)[pair].label == "The guide names this step"
    assert evidence(data)[("software-engineer", "machine-learning-engineer")].text == (
        "Education step “Experience”: the guide names Software Engineer as a role to start in."
    )


def test_arrows_between_faq_stages_are_labelled_as_inferred_from_their_order(client, article_data):
    data, _ = graph(client)
    faq = FaqEntry.objects.get(question=FAQ_PATHS)
    found = evidence(data)
    # The two examples: the FAQ names neither step, only the order of the stages.
    for pair in [
        ("ai-research-scientist", "senior-machine-learning-engineer"),
        ("nlp-scientist", "head-of-ai"),
    ]:
        assert found[pair].kind == path_graph.INFERRED
        assert found[pair].label == "Inferred from the FAQ's order of stages"
        assert found[pair].record == faq
    assert found[("ai-research-scientist", "senior-machine-learning-engineer")].text == (
        f"FAQ “{FAQ_PATHS}” lists Specialist at step 3 and Leadership at step 4; "
        "it does not name this step."
    )
    # Every other arrow is one of the two kinds, and an inferred one always runs from an
    # earlier stage of the FAQ to a later one.
    edges = {(e.source.role.slug, e.target.role.slug): e for e in data["edges"]}
    inferred = [edges[pair] for pair, e in found.items() if e.kind == path_graph.INFERRED]
    assert len(inferred) == len(edges) - 5
    for edge in inferred:
        assert edge.source.role.stage.order < edge.target.role.stage.order


def test_the_arrow_within_one_faq_step_cites_the_guide_not_that_step(client, article_data):
    """Data Scientist and Machine Learning Engineer sit in the same FAQ step ("Advancing to
    positions like machine learning engineer or data scientist"): that step is no evidence of
    a step between them. The Experience step names Data Scientist as a role to start in."""
    data, page = graph(client)
    found = evidence(data)[("data-scientist", "machine-learning-engineer")]
    assert found.kind == path_graph.NAMED
    assert found.record.step == EducationStep.objects.get(slug="experience")
    assert "data scientist" in found.record.text
    assert "FAQ" not in found.text
    named = section(page, "path-evidence-named-1")
    assert 'href="/careers/data-scientist/"' in named


def test_a_link_the_guide_does_not_back_says_so(client, article_data, committed):
    with committed():
        # Both in the FAQ's step 2, and not named by any education step.
        Role.objects.get(slug="machine-learning-engineer").next_roles.add(
            Role.objects.get(slug="data-scientist")
        )
    data, page = graph(client)
    found = evidence(data)[("machine-learning-engineer", "data-scientist")]
    assert found.kind == path_graph.UNSOURCED
    assert found.record is None
    assert "The guide does not name this step" in words(page)
    assert 'class="path-graph__edge path-graph__edge--unsourced"' in page


def test_the_two_kinds_are_drawn_solid_and_dashed_with_a_legend_in_words(client, article_data):
    data, page = graph(client)
    kinds = [e.kind for e in data["edges"]]
    for kind in (path_graph.NAMED, path_graph.INFERRED):
        assert page.count(f'class="path-graph__edge path-graph__edge--{kind}"') == kinds.count(kind)
    start = page.index('<ul class="path-legend"')
    legend = page[start : page.index("</ul>", start)]
    assert words(legend) == "The guide names this step Inferred from the FAQ's order of stages"
    assert "each arrow is a next step the guide names" not in page
    # On the ladder each next step carries its kind in words too, for screen readers.
    analyst = ladder_item(page, "data-analyst")
    assert "(inferred from the faq's order of stages)" in words(analyst)


def test_each_piece_of_evidence_is_stated_once_and_every_arrow_is_in_one_group(
    client, article_data
):
    data, page = graph(client)
    groups = data["groups"]
    assert [g.kind for g in groups] == [path_graph.NAMED, path_graph.INFERRED]
    assert sorted(len(g.edges) for g in groups) == [5, len(data["edges"]) - 5]
    assert sum(len(g.edges) for g in groups) == len(data["edges"])
    # The FAQ's four stages are the inferred group's evidence, each said once on the page.
    inferred = groups[1]
    assert [(n, s.slug) for n, s in inferred.stage_steps] == [
        (1, "entry-level"),
        (2, "established"),
        (3, "specialist"),
        (4, "leadership"),
    ]
    for _number, stage in inferred.stage_steps:
        assert page.count(html.escape(stage.description)) == 1
    assert page.count(html.escape(FAQ_PATHS)) == 1
    # One citation per group, not one per arrow.
    evidence_section = section(page, "path-evidence-heading")
    assert evidence_section.count('class="citation"') == len(groups)
    # Each group lists its arrows, fewest lines first: one line for the five named steps.
    named = section(page, "path-evidence-named-1")
    assert named.count("<li>") == 1
    listed = words(named.split('class="path-evidence__arrows"')[1])
    for edge in groups[0].edges:
        assert edge.source.role.title in listed


def test_the_ladder_lists_every_stage_in_order_with_its_roles(client, article_data):
    data, page = graph(client)
    ladder = page[page.index('<ol class="path-ladder"') :]
    position = 0
    for column in data["columns"]:
        position = ladder.index(f'<h4 class="path-ladder__stage">{column.label}</h4>', position)
        for node in column.nodes:
            assert ladder.index(node.role.get_absolute_url(), position) > position


# ---------- pay beside each role ----------


def national_median(soc_code):
    return WageEstimate.objects.get(
        occupation__soc_code=soc_code, area__kind=AreaKind.NATIONAL
    ).median


def test_roles_without_the_guides_pay_show_their_occupations_national_median(client, official_data):
    data, page = graph(client)
    analyst = ladder_item(page, "data-analyst")
    assert money(national_median("15-2051")) in words(analyst)
    assert "official median, United States" in words(analyst)
    assert Occupation.objects.get(soc_code="15-2051").title in words(analyst)
    # A role the guide pays is shown at the guide's figure.
    engineer = ladder_item(page, "machine-learning-engineer")
    assert "$168,730" in words(engineer) and "official median" not in words(engineer)
    # Computer Programmers (15-1251) are not in this release; Computer Engineer has no occupation.
    assert "BLS publishes no national estimate" in words(ladder_item(page, "software-programmer"))
    assert "no official occupation is chosen" in words(ladder_item(page, "computer-engineer"))
    assert "No pay data" not in page
    # Each source cited once under the ladder: the guide's note and the BLS release.
    assert page.count('id="pay-note-1"') == 1 and 'id="pay-note-2"' not in page
    release = WageEstimate.objects.first().release
    assert page.count(f'id="path-bls-note-{release.pk}"') == 1
    assert page.count(f'href="#path-bls-note-{release.pk}"') == sum(
        1 for role in data["roles"] if role.median_salary is None and role.national_estimate
    )


def test_role_page_next_steps_show_official_pay_where_the_guide_has_none(client, official_data):
    response = client.get(reverse("careers:role_detail", args=["machine-learning-engineer"]))
    body = response.content.decode()
    steps = body[body.index("<h3>Next steps</h3>") :].split("</ul>")[0]
    items = {
        re.search(r'href="/careers/([^/]+)/"', li)[1]: words(li) for li in steps.split("<li>")[1:]
    }
    median = money(national_median("15-1221"))
    for slug in ("ai-research-scientist", "senior-machine-learning-engineer"):
        assert median in items[slug]
        assert "official median, United States" in items[slug]
        assert "no pay data" not in items[slug]
    assert "$180,727" in items["nlp-scientist"]


# ---------- layout ----------


def test_an_arrow_past_a_column_runs_below_its_boxes(client, article_data):
    data, _ = graph(client)
    long_edges = [e for e in data["edges"] if e.target.x - e.source.x > path_graph.COLUMN_WIDTH]
    assert long_edges  # machine learning engineer -> senior machine learning engineer
    boxes = [(c.x, c.x + path_graph.NODE_WIDTH) for c in data["columns"]]
    for edge in long_edges:
        points = [(float(x), float(y)) for x, y in re.findall(r"L([\d.]+),([\d.]+)", edge.d)]
        passed = [c for c in data["columns"] if edge.source.x < c.x < edge.target.x]
        lowest_box = max(node.y + node.height for c in passed for node in c.nodes)
        for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False):
            if y1 == y2:  # along the lane, under the columns passed
                assert y1 > lowest_box
            else:  # down or up a gap between columns, never through a box
                assert x1 == x2
                assert not any(left <= x1 <= right for left, right in boxes)


def test_unpublished_roles_and_their_arrows_are_left_out(client, article_data, committed):
    with committed():
        Role.objects.filter(slug="data-scientist").update(is_published=False)
    data, html_page = graph(client)
    assert all("data-scientist" not in pair for pair in edge_pairs(data))
    assert 'href="/careers/data-scientist/"' not in html_page


def test_a_crowded_column_shows_eight_roles_and_links_to_the_rest(client, article_data):
    call_command("generate_synthetic_roles", "200", verbosity=0)
    data, html_page = graph(client)
    crowded = [c for c in data["columns"] if c.more]
    assert crowded
    for column in data["columns"]:
        assert len(column.nodes) <= path_graph.MAX_NODES_PER_COLUMN
    assert f"{reverse('careers:role_list')}?stage=" in crowded[0].more_href
    # The ladder shows the same eight and the same link.
    assert html_page.count(f'href="{crowded[0].more_href}"') == 2


def test_query_count_stays_flat_with_official_pay_and_many_roles(
    client, official_data, django_assert_num_queries
):
    # Quotes, education steps and their passages, stages, their roles, next-step links, roles without a stage,
    # FAQ entries, then the shown roles' pay records and national estimates.
    with django_assert_num_queries(10):
        assert client.get(URL).status_code == 200
    call_command("generate_synthetic_roles", "300", verbosity=0)
    Role.objects.filter(is_synthetic=True).update(
        official_occupation=Occupation.objects.get(soc_code="15-2051"), official_match="closest"
    )
    with django_assert_num_queries(10):
        response = client.get(URL)
    assert response.status_code == 200
    assert "official median, United States" in response.content.decode()


@pytest.mark.parametrize(
    "title, lines",
    [
        ("Data Analyst", ["Data Analyst"]),
        (
            "Natural Language Processing (NLP) Scientist",
            ["Natural Language", "Processing (NLP)", "Scientist"],
        ),
        ("A" * 40, ["A" * 21 + "…"]),
    ],
)
def test_titles_wrap_inside_their_boxes(title, lines):
    assert path_graph.wrap(title) == lines


@pytest.mark.parametrize(
    "source, target, named",
    [
        ("Data Scientist", "Machine Learning Engineer", True),
        ("Software Engineer", "Machine Learning Engineer", True),
        # Named only as a field of experience, not as a role to start in.
        ("Data Science", "Machine Learning Engineer", False),
        # The target must be named in the same passage.
        ("Software Engineer", "Head of AI", False),
        ("Junior Data Scientist", "Machine Learning Engineer", False),
    ],
)
def test_a_step_is_named_only_when_one_passage_names_both_roles(source, target, named):
    body = (
        "A machine learning engineer is not an entry-level position, but one that often "
        "requires experience in data science. For a career in machine learning, you may want "
        "to start in a software engineer or data scientist role."
    )
    assert path_graph.names_as_start(body, source, target) is named
