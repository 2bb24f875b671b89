"""careers_tags: figures and citations as the page templates write them."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.template import engines

from careers.models import AsOfPrecision, Importance, Salary, Source
from tests.factories import OutlookStatisticFactory


def render(source, **context):
    return engines["django"].from_string("{% load careers_tags %}" + source).render(context)


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        (168730, "USD", "$168,730"),
        (Decimal("95000.00"), "USD", "$95,000"),
        (1000000, "EUR", "1,000,000 EUR"),  # no symbol known: the code follows the number
        (None, "USD", ""),
    ],
)
def test_money(amount, currency, expected):
    assert render("{{ amount|money:currency }}", amount=amount, currency=currency) == expected


def test_money_defaults_to_dollars():
    assert render("{{ 5000|money }}") == "$5,000"


def salary(**fields):
    fields = {"as_of": datetime.date(2025, 2, 1), "as_of_precision": AsOfPrecision.MONTH, **fields}
    return Salary(**fields)


def test_citation_links_a_source_with_an_address_and_escapes_its_name(settings):
    settings.CAREERGUIDE_STALE_AFTER_MONTHS = 1200  # nothing is old: the link alone
    source = Source(publisher="Smith & Co", title="", url="https://example.com/pay?a=1&b=2")
    assert render("{% citation record %}", record=salary(source=source)) == (
        '<span class="citation"><a href="/about/#sources">Source</a>: '
        '<a href="https://example.com/pay?a=1&amp;b=2" rel="noopener external">Smith &amp; Co'
        '<span class="visually-hidden"> (the source\'s website)</span></a>, as of February 2025.'
        "</span>"
    )


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "JAVASCRIPT:x"])
def test_citation_never_links_an_address_that_is_not_http(settings, url):
    """A row written around the model's validation still cannot put a script link on a page."""
    settings.CAREERGUIDE_STALE_AFTER_MONTHS = 1200
    source = Source(publisher="Glassdoor", title="", url=url)
    assert render("{% citation record %}", record=salary(source=source)) == (
        '<span class="citation"><a href="/about/#sources">Source</a>: Glassdoor, '
        "as of February 2025.</span>"
    )


def test_citation_names_a_source_without_an_address_as_text():
    record = salary(source=Source(publisher="<b>Glassdoor</b>", title=""), as_of=None)
    assert render("{% citation record %}", record=record) == (
        '<span class="citation"><a href="/about/#sources">Source</a>: &lt;b&gt;Glassdoor&lt;/b&gt;, '
        "date not stated.</span>"
    )


def test_citation_says_when_no_source_is_named():
    record = SimpleNamespace(source=None, as_of_display="2024")
    assert render("{% citation record %}", record=record) == (
        '<span class="citation"><a href="/about/#sources">Source</a>: not named, as of 2024.</span>'
    )


def test_pay_note_ref_points_at_its_footnote():
    record = salary(source=Source(publisher="Indeed", title="Pay & perks"))
    assert render("{% pay_note_ref 3 record %}", record=record) == (
        '<sup class="pay-note-ref"><a href="#pay-note-3" title="Indeed: Pay &amp; perks, '
        'February 2025"><span class="visually-hidden">source </span>3</a></sup>'
    )


def test_pay_note_ref_is_empty_without_a_note_number_or_a_record():
    record = salary(source=Source(publisher="Indeed", title=""))
    # No note number (e.g. `pay_notes|note_number` for a record no note cites) renders nothing.
    assert render("{% pay_note_ref role.median_note record %}", role=object(), record=record) == ""
    assert render("{% pay_note_ref 1 None %}") == ""


def test_stat_value_filter():
    statistic = OutlookStatisticFactory.build(
        value=Decimal("2800.00"), unit="results", qualifier="over"
    )
    assert render("{{ statistic|stat_value }}", statistic=statistic) == "over 2,800 results"


def test_importance_label_names_an_annotated_value():
    assert render("{{ value|importance_label }}", value=Importance.VALUABLE.value) == "Valuable"
    assert render("{{ value|importance_label }}", value=None) == ""


@pytest.mark.parametrize(
    ("in_search", "expected"),
    [([True, True], "yes"), ([True, False], "no"), ([], "no")],
)
def test_all_in_job_search(in_search, expected):
    companies = [SimpleNamespace(in_job_search=flag) for flag in in_search]
    source = "{% if companies|all_in_job_search %}yes{% else %}no{% endif %}"
    assert render(source, companies=companies) == expected
