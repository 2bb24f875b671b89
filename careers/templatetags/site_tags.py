"""Site furniture: main-navigation links and outlook figures written the way people read them."""

from decimal import Decimal

from django import template
from django.urls import reverse
from django.utils.html import format_html

from careers.models import Importance

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_link(context, url_name, label):
    """A nav link marked aria-current="page" on its own page, "true" anywhere in its section."""
    url = reverse(url_name)
    request = context.get("request")
    path = request.path if request is not None else ""
    if path == url:
        current = "page"
    elif url != "/" and path.startswith(url):
        current = "true"
    else:
        return format_html('<a href="{}">{}</a>', url, label)
    return format_html('<a href="{}" aria-current="{}">{}</a>', url, current, label)


def _number(value):
    """Decimal('2800.00') -> '2,800'; Decimal('2.50') -> '2.5'."""
    value = Decimal(value)
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():,f}"


UNIT_FORMATS = {
    "percent": "{n}%",
    "rank": "#{n}",
}


@register.filter
def stat_value(statistic):
    """2,800 results, 53%, 1,000,000 jobs, #8 — prefixed by the source's qualifier ("over")."""
    if statistic.value is None:
        return ""
    number = _number(statistic.value)
    unit = statistic.unit.strip()
    pattern = UNIT_FORMATS.get(unit.lower())
    text = pattern.format(n=number) if pattern else f"{number} {unit}".strip()
    return f"{statistic.qualifier} {text}" if statistic.qualifier else text


@register.filter
def importance_label(value):
    """1 -> "Essential": for importance values annotated onto rows rather than read from RoleSkill."""
    try:
        return Importance(value).label
    except ValueError:
        return ""
