"""/path/: the career path drawn as an SVG map, beside the text ladder it stands for."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from careers import path_graph
from careers.models import Role
from tests.page_parsing import PageParser

URL = reverse("careers:path")


def graph(client):
    response = client.get(URL)
    assert response.status_code == 200
    return response.context["graph"], response.content.decode()


def edge_pairs(data):
    return {(e.source.role.slug, e.target.role.slug) for e in data["edges"]}


def test_stages_are_columns_and_every_published_next_step_is_an_arrow(client, article_data):
    data, html = graph(client)
    assert [c.label for c in data["columns"]] == [
        "Roles to start in",
        "Entry level",
        "Established",
        "Specialist",
        "Leadership",
    ]
    expected = set(Role.next_roles.through.objects.values_list("from_role__slug", "to_role__slug"))
    assert edge_pairs(data) == expected
    assert html.count('class="path-graph__edge"') == len(expected)
    assert html.count('marker-end="url(#path-arrow)"') == len(expected)


def test_roles_are_nodes_linked_to_their_pages(client, article_data):
    data, html = graph(client)
    parser = PageParser()
    parser.feed(html)
    for column in data["columns"]:
        for node in column.nodes:
            assert node.role.get_absolute_url() in parser.links


def test_each_arrow_shows_the_article_step_it_comes_from(client, article_data):
    data, html = graph(client)
    evidence = {(e.source.role.slug, e.target.role.slug): e.evidence for e in data["edges"]}
    assert evidence[("data-analyst", "data-scientist")] == (
        "FAQ “What are the career paths for machine learning?”, step 2: Advancing to positions "
        "like machine learning engineer or data scientist."
    )
    assert evidence[("machine-learning-engineer", "senior-machine-learning-engineer")].startswith(
        "FAQ “What are the career paths for machine learning?”, step 4:"
    )
    assert evidence[("software-engineer", "machine-learning-engineer")] == (
        "Education step “Experience”: the guide names Software Engineer as a role to start in."
    )
    assert "Next steps on the map, and where the guide says so" in html


def test_the_text_ladder_stays(client, article_data):
    _, html = graph(client)
    assert "Career stages, from entry level to leadership" in html
    assert '<ol class="stages">' in html


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
    data, html = graph(client)
    assert all("data-scientist" not in pair for pair in edge_pairs(data))
    assert 'href="/careers/data-scientist/"' not in html


def test_a_crowded_column_shows_eight_roles_and_links_to_the_rest(client, article_data):
    call_command("generate_synthetic_roles", "200", verbosity=0)
    data, html = graph(client)
    crowded = [c for c in data["columns"] if c.more]
    assert crowded
    for column in data["columns"]:
        assert len(column.nodes) <= path_graph.MAX_NODES_PER_COLUMN
    assert f"{reverse('careers:role_list')}?stage=" in crowded[0].more_href


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
