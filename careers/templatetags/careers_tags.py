"""Figures and their citations in templates: `{% load careers_tags %}`.

The formatting is plain functions in careers/formatting.py (the admin uses `money` too);
this library only registers them.
"""

from django import template
from django.urls import reverse

from careers import formatting
from careers.dates import handbook_dated, section_dates, shown_medians
from core.formatting import money, source_link

register = template.Library()

register.filter("money", money)
register.filter("stat_value", formatting.stat_value)
register.filter("importance_label", formatting.importance_label)
register.filter("all_in_job_search", formatting.all_in_job_search)
register.filter("figure_label", formatting.figure_label)
register.filter("note_number", formatting.note_number)
register.simple_tag(formatting.citation, name="citation")
register.simple_tag(formatting.date_mark, name="date_mark")
register.simple_tag(source_link, name="source_link")
register.simple_tag(formatting.pay_note_ref, name="pay_note_ref")
register.simple_tag(section_dates, name="section_dates")
register.filter("shown_medians", shown_medians)
register.simple_tag(handbook_dated, name="handbook_dated")


@register.filter
def paired(items, partners):
    """Each of `items` with its partner in `partners`, in order: a compare row's cells with
    their roles, so that each cell can name its role where the table is stacked on a phone."""
    return list(zip(items, partners, strict=True))


@register.filter
def with_area(url, choice):
    """`url` carrying the visitor's area (careers/area_choice.py), when one is chosen."""
    query = getattr(choice, "query", "")
    if not query:
        return url
    return f"{url}{'&' if '?' in str(url) else '?'}{query}"


@register.simple_tag(takes_context=True)
def area_url(context, view_name, *args):
    """`{% url %}` carrying the page's visitor's area: `{% area_url 'careers:match' %}`."""
    return with_area(reverse(view_name, args=args), context.get("area_choice"))
