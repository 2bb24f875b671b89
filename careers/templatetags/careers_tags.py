"""Money and citation formatting. A figure is rendered only together with its citation."""

from django import template
from django.utils.html import format_html

register = template.Library()

CURRENCY_SYMBOLS = {"USD": "$"}


@register.filter
def money(amount, currency="USD"):
    """168730 -> "$168,730"; None -> "" (templates say "no data" themselves)."""
    if amount is None or amount == "":
        return ""
    symbol = CURRENCY_SYMBOLS.get(currency)
    number = f"{int(amount):,}"
    return f"{symbol}{number}" if symbol else f"{number} {currency}"


@register.inclusion_tag("includes/citation.html")
def citation(record):
    """Who says so and when, for any record with `source` and `as_of_display`."""
    return {
        "source": getattr(record, "source", None),
        "as_of": getattr(record, "as_of_display", ""),
    }


@register.simple_tag
def pay_note_ref(number, salary):
    """A footnote marker after a figure, pointing at its source in the page's pay notes."""
    if not number or salary is None:
        return ""
    as_of = getattr(salary, "as_of_display", "") or "date not stated"
    return format_html(
        '<sup class="pay-note-ref"><a href="#pay-note-{}" title="{}, {}">'
        '<span class="visually-hidden">source </span>{}</a></sup>',
        number,
        salary.source,
        as_of,
        number,
    )


@register.filter
def all_in_job_search(companies):
    """True when every company was among the February 2025 LinkedIn search's employers."""
    companies = list(companies)
    return bool(companies) and all(company.in_job_search for company in companies)
