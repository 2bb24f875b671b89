"""Money and citation formatting. A figure is rendered only together with its citation."""

from django import template

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
