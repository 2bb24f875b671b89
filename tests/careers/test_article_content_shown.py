"""The article's applications and profession quotes are shown, each with its source, and every
passage of an education step cites its own source on both pages that list the steps."""

import html
import re

import pytest
from django.urls import reverse

from careers.models import Application, EducationStep, Quote, QuoteTopic
from tests.page_parsing import parse

pytestmark = pytest.mark.usefixtures("article_data")


def section(body, heading_id):
    """The HTML of the <section> labelled by `heading_id`."""
    start = body.index(f'aria-labelledby="{heading_id}"')
    return body[start : body.index("</section>", start)]


def words(fragment):
    """What a reader sees: tags dropped, entities decoded (a source may be a link)."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def test_home_lists_every_application_with_its_examples_and_source(client):
    response = client.get(reverse("careers:home"))
    used = section(response.text, "where-used")
    applications = list(Application.objects.select_related("source"))
    assert len(applications) == 10
    for application in applications:
        line = application.name
        if application.examples:
            line += f": {application.examples}"
        assert f"<li>{html.escape(line)}</li>" in used
        assert f"Source: {application.source}" in words(used)
    assert "Recommendation systems: Netflix, YouTube and Spotify" in used
    assert parse(response).count("h1") == 1


def test_each_application_sits_under_its_own_sources_citation(client):
    used = section(client.get(reverse("careers:home")).text, "where-used")
    # Groups are consecutive runs of one source: the citation closing a group is that source's.
    for block in used.split('<div class="applications">')[1:]:
        names = [n for n in Application.objects.values_list("name", flat=True) if n in block]
        sources = {str(a.source) for a in Application.objects.filter(name__in=names)}
        assert len(sources) == 1
        assert f"Source: {sources.pop()}" in words(block)


def test_path_quotes_what_the_work_is_like_with_each_source(client):
    response = client.get(reverse("careers:path"))
    work = section(response.text, "the-work")
    quotes = Quote.objects.filter(topic=QuoteTopic.PROFESSION).select_related("source")
    assert {q.slug for q in quotes} == {"us-news-problem-solvers", "springboard-responsibilities"}
    figures = work.split("<figure")[1:]
    assert len(figures) == len(quotes)
    for quote in quotes:
        [figure] = [f for f in figures if html.escape(quote.text) in f]
        assert f"<blockquote><p>{html.escape(quote.text)}</p></blockquote>" in figure
        assert f"Source: {quote.source}" in words(figure.split("<figcaption>")[1])
    assert "People interested in machine learning are often problem solvers." in work
    assert parse(response).count("h1") == 1


def test_definitions_stay_off_the_path_page(client):
    body = client.get(reverse("careers:path")).text
    assert "all about extracting valuable information from data" not in body


@pytest.mark.parametrize(
    ("url", "heading_id"),
    [
        (reverse("careers:path"), "start"),
        (reverse("careers:role_detail", args=["machine-learning-engineer"]), "path-heading"),
    ],
)
def test_each_education_step_cites_its_own_source(client, url, heading_id):
    steps = section(client.get(url).text, heading_id)
    for step in EducationStep.objects.for_display():
        block = steps[steps.index(f"<h3>{step.title}</h3>") :].split("</li>")[0]
        # Each passage is followed by its own source's citation.
        paragraphs = [words(p) for p in block.split("<p>")[1:]]
        passages = list(step.passages.all())
        assert len(paragraphs) == len(passages)
        for paragraph, passage in zip(paragraphs, passages, strict=True):
            assert f"Source: {passage.source}" in paragraph
    experience = EducationStep.objects.for_display().get(slug="experience")
    assert [p.source.slug for p in experience.passages.all()] == [
        "discover-data-science",
        "article",
    ]
