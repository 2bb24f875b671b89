"""Each section's date line (core.age.DateLine) from the records it shows.

`section_dates(...)` takes whatever a section cites, already fetched (no query here): the
guide's records (salaries, outlook statistics, quotes: anything with `source` and
`as_of_display`), an OEWS `Release`, an OOH `HandbookPage`, or a list of any of them.
"""

from django.utils.dateformat import format as date_format

from core.age import Dated, DateLine
from official.models import HandbookPage, Release

# The guide itself (fixtures/sources.json); every other source is named by its publisher.
GUIDE_SOURCE_SLUG = "article"
GUIDE_LABEL = "Guide's figures"
OEWS_LABEL = "BLS"
HANDBOOK_LABEL = "BLS Handbook"


def handbook_dated(last_modified):
    """An OOH page's figures, dated as the page dates itself: its "Last Modified Date"."""
    if last_modified is None:
        return None
    when = f"page last modified {date_format(last_modified, 'j F Y')}"
    return Dated(HANDBOOK_LABEL, when, last_modified)


def source_label(source):
    if source is None:
        return "Source not named"
    if source.slug == GUIDE_SOURCE_SLUG:
        return GUIDE_LABEL
    return source.publisher or str(source)


def dated(record):
    """The `Dated` of one cited record, or None for nothing (a template's missing variable
    arrives as "")."""
    if not record:
        return None
    if isinstance(record, Dated):
        return record
    if isinstance(record, Release):
        return Dated(OEWS_LABEL, record.as_of_display, record.as_of)
    if isinstance(record, HandbookPage):
        return handbook_dated(record.last_modified)
    label = source_label(getattr(record, "source", None))
    return Dated(label, getattr(record, "as_of_display", ""), getattr(record, "as_of", None))


def _flatten(items):
    for item in items:
        if isinstance(item, list | tuple):
            yield from _flatten(item)
        else:
            yield item


def section_dates(*records):
    """The DateLine of a section citing `records` (lists are read, never querysets)."""
    return DateLine(dated(record) for record in _flatten(records))


def shown_medians(roles):
    """The pay record each role shows (its first of `median_salaries`, prefetched by
    `with_cited_median()`): what a list of roles with their median pay cites."""
    return [role.median_salaries[0] for role in roles if role.median_salaries]


def list_dates(roles, pay_notes, release=None):
    """The date line of a list of roles (the role list, the skill match): the guide's records
    its pay notes cite, the OEWS release of its official medians, and the OOH pages of the
    outlook figures its rows show."""
    outlook = [handbook_dated(getattr(role, "outlook_last_modified", None)) for role in roles]
    return section_dates(list(pay_notes), release, outlook)
