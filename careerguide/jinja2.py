"""The Jinja2 environment every public page is rendered with.

Public pages are Jinja2 rather than Django templates for speed: profiling the role page showed
Django's template engine spending ~3.5 ms walking its node tree, where Jinja2 runs the same
markup as compiled Python in well under half of that (README.md, "Speed"). The Django admin keeps
Django's own templates (`templates/django/`).

What Django templates gave for free is provided here: `url()` and `static()`, the
`querystring()` of Django 5.1 and the few Django filters the pages use.
"""

import itertools
from collections.abc import Iterable
from operator import attrgetter

from django.http import HttpRequest
from django.template.defaultfilters import (
    capfirst,
    linebreaks_filter,
    linebreaksbr,
    pluralize,
    yesno,
)
from django.template.defaulttags import GroupedResult
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from jinja2 import Environment

from careerguide.links import link
from careers import formatting
from faq.formatting import answer_blocks


def url(name, *args, **kwargs):
    if not kwargs and len(args) <= 1:
        return link(name, *args)
    return reverse(name, args=args or None, kwargs=kwargs or None)


def querystring(request, **changes):
    """The current query string with `changes` applied ("?..."), like Django's {% querystring %}.

    None removes a key, a list sets every value; pagination links keep the reader's filters.
    """
    query = request.GET
    params = query.copy()
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        elif isinstance(value, Iterable) and not isinstance(value, str):
            params.setlist(key, value)
        else:
            params[key] = value
    if not params and not query:
        return ""
    return f"?{params.urlencode()}"


def nav_link(request, url_name, label):
    """A nav link marked aria-current="page" on its own page, "true" anywhere in its section."""
    href = link(url_name)
    # A page rendered without a request (render_to_string) has an undefined `request`, not None.
    path = request.path if isinstance(request, HttpRequest) else ""
    if path == href:
        current = "page"
    elif href != "/" and path.startswith(href):
        current = "true"
    else:
        return format_html('<a href="{}">{}</a>', href, label)
    return format_html('<a href="{}" aria-current="{}">{}</a>', href, current, label)


def truncatechars(value, length):
    return Truncator(value).chars(int(length))


def regroup(items, attribute):
    """Neighbours sharing `attribute`, as Django's {% regroup %}: (grouper, list) pairs in order.

    Jinja2's own groupby sorts first, which would reorder content kept in the article's order.
    """
    return [
        GroupedResult(grouper=key, list=list(group))
        for key, group in itertools.groupby(items, attrgetter(attribute))
    ]


def environment(**options):
    # Django templates keep a file's last newline; so do these (robots.txt ends with one).
    options.setdefault("keep_trailing_newline", True)
    env = Environment(**options)
    env.globals.update(
        url=url,
        static=static,
        querystring=querystring,
        nav_link=nav_link,
        citation=formatting.citation,
    )
    env.filters.update(
        money=formatting.money,
        stat_value=formatting.stat_value,
        importance_label=formatting.importance_label,
        all_in_job_search=formatting.all_in_job_search,
        answer_blocks=answer_blocks,
        linebreaks=linebreaks_filter,
        linebreaksbr=linebreaksbr,
        pluralize=pluralize,
        truncatechars=truncatechars,
        capfirst=capfirst,
        yesno=yesno,
        regroup=regroup,
    )
    return env
