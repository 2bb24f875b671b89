"""How money and a source's name are written, on any app's pages."""

from django.utils.html import format_html

CURRENCY_SYMBOLS = {"USD": "$"}


def money(amount, currency="USD"):
    """168730 -> "$168,730"; None -> "" (templates say "no data" themselves)."""
    if amount is None or amount == "":
        return ""
    symbol = CURRENCY_SYMBOLS.get(currency)
    number = f"{int(amount):,}"
    return f"{symbol}{number}" if symbol else f"{number} {currency}"


def source_link(source):
    """The source's name, linked to its web address when there is one.

    Only http(s) addresses are stored (the model refuses others); checked again here so that a
    row written around the model can never put a javascript: link on a page.
    """
    if source.url and source.url.lower().startswith(("https://", "http://")):
        return format_html(
            '<a href="{}" rel="noopener external">{}<span class="visually-hidden"> '
            "(the source's website)</span></a>",
            source.url,
            source,
        )
    return format_html("{}", source)
