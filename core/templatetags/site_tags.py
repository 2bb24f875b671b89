"""Site furniture shared by every page: the main navigation's links."""

from django import template
from django.urls import reverse
from django.utils.html import format_html

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_link(context, url_name, label, query=""):
    """A nav link marked aria-current="page" on its own page, "true" anywhere in its section;
    `query` (a query string the page carries, e.g. the visitor's area) is added to it."""
    path_href = href = reverse(url_name)
    if query:
        href = f"{href}?{query}"
    # A page rendered without a request (render_to_string) marks no link as current.
    request = context.get("request")
    path = request.path if request is not None else ""
    if path == path_href:
        current = "page"
    elif path_href != "/" and path.startswith(path_href):
        current = "true"
    else:
        return format_html('<a href="{}">{}</a>', href, label)
    return format_html('<a href="{}" aria-current="{}">{}</a>', href, current, label)


@register.filter
def elided_pages(page):
    """The page numbers a list's pagination links to: the ends and two either side of `page`,
    with Paginator.ELLIPSIS for each gap (templates/includes/pagination.html)."""
    return page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
