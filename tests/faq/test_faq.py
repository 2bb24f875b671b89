import pytest

from core.text import answer_blocks
from faq.models import FaqTopic
from tests.factories import FaqEntryFactory, RoleFactory
from tests.page_parsing import parse

pytestmark = pytest.mark.django_db


def body(response):
    return response.content.decode()


def test_entries_are_grouped_by_topic_with_slug_anchors(client):
    FaqEntryFactory(slug="pay-q", question="Is it paid well?", topic=FaqTopic.PAY)
    FaqEntryFactory(slug="career-q", question="Is it a good career?", topic=FaqTopic.CAREER)
    FaqEntryFactory(slug="hidden-q", question="Hidden?", is_published=False)
    response = client.get("/faq/")
    page = parse(response)
    assert {"pay-q", "career-q"} <= set(page.ids)
    assert "Hidden?" not in body(response)
    html = body(response)
    assert html.index("Careers in machine learning</h2>") < html.index("Is it a good career?")
    assert html.index("Is it a good career?") < html.index("Pay</h2>")
    assert html.index("Pay</h2>") < html.index("Is it paid well?")
    assert "Getting started</h2>" not in html  # empty groups are left out
    assert "2 questions" in html


def test_entry_url_is_the_faq_page_with_its_anchor():
    entry = FaqEntryFactory.build(slug="is-machine-learning-a-good-career")
    assert entry.get_absolute_url() == "/faq/#is-machine-learning-a-good-career"


def test_numbered_lines_render_as_an_ordered_list(client):
    FaqEntryFactory(answer="To start, you should:\n1. Get a degree.\n2. Learn Python.\nGood luck.")
    html = body(client.get("/faq/"))
    assert "<p>To start, you should:</p>" in html
    assert "<ol><li>Get a degree.</li><li>Learn Python.</li></ol>" in html
    assert "<p>Good luck.</p>" in html


def test_answer_blocks_keeps_order_and_escapes_nothing_itself():
    assert answer_blocks("Intro\n\n1) One\n2. Two\nAfter\n3. Three") == [
        ("p", "Intro"),
        ("ol", ["One", "Two"]),
        ("p", "After"),
        ("ol", ["Three"]),
    ]
    assert answer_blocks("") == []


def test_answers_are_escaped(client):
    FaqEntryFactory(answer="1. <script>alert(1)</script>")
    html = body(client.get("/faq/"))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_related_roles_link_to_published_role_pages(client):
    entry = FaqEntryFactory()
    shown = RoleFactory(title="Data Analyst")
    hidden = RoleFactory(title="Secret Role", is_published=False)
    entry.related_roles.add(shown, hidden)
    html = body(client.get("/faq/"))
    assert shown.get_absolute_url() in html
    assert "Secret Role" not in html


@pytest.fixture
def entries():
    return [
        FaqEntryFactory(question="Is machine learning high paying?", answer="Yes, a high salary."),
        FaqEntryFactory(question="How do I start?", answer="Learn machine learning concepts."),
        FaqEntryFactory(question="Is it a good career?", answer="Yes, strong job growth."),
    ]


def test_search_matches_question_or_answer_with_every_word(client, entries):
    html = body(client.get("/faq/", {"q": "MACHINE salary"}))
    assert "Is machine learning high paying?" in html
    assert "How do I start?" not in html  # has "machine" but not "salary"
    assert "1 question matches" in html
    html = body(client.get("/faq/", {"q": "machine learning"}))
    assert "2 questions match" in html


def test_search_with_no_match_shows_the_empty_state(client, entries):
    response = client.get("/faq/", {"q": "quantum"})
    assert response.status_code == 200
    html = body(response)
    assert "0 questions match" in html
    assert "No question matches your search." in html


def test_blank_search_shows_everything(client, entries):
    html = body(client.get("/faq/", {"q": "   "}))
    assert "3 questions" in html
    assert "form-errors" not in html


@pytest.mark.parametrize("query", ["bad\x00byte", "x" * 101])
def test_bad_search_is_a_form_error_not_a_500(client, entries, query):
    response = client.get("/faq/", {"q": query})
    assert response.status_code == 200
    html = body(response)
    assert 'class="form-errors"' in html
    assert 'class="errorlist' in html
    assert "3 questions" in html  # the page stays useful
    assert "\x00" not in html  # echoing it back would be an HTML parse error


def test_words_after_the_tenth_are_ignored(client, entries):
    response = client.get("/faq/", {"q": " ".join(["yes"] * 10 + ["quantum"])})
    assert response.status_code == 200
    assert "2 questions match" in body(response)


def test_search_page_keeps_one_h1_and_the_query_in_the_box(client, entries):
    page = parse(client.get("/faq/", {"q": "career"}))
    assert page.count("h1") == 1
    assert ("input", {"type": "search", "name": "q", "value": "career"}) in [
        (tag, {k: v for k, v in attrs.items() if k in ("type", "name", "value")})
        for tag, attrs in page.tags
    ]
