"""How figures, citations and outlook numbers are written on public pages.

Plain functions, registered as template filters and tags in `careers/templatetags/careers_tags.py`;
`money` and `source_link` live in core/formatting.py, as official pages write them too. A figure is
rendered only together with its citation.
"""

from decimal import Decimal

from django.urls import reverse
from django.utils.html import format_html

from core.age import age_words
from core.formatting import source_link

from .dates import dated
from .models import Importance


def citation(record, line=None):
    """Who says so and when, for any record with `source` and `as_of_display`. "Source" links to
    the about page, which says where the data come from and how they are dated. With the
    section's date line (careers.dates.section_dates), a record dated otherwise gets its mark."""
    source = getattr(record, "source", None)
    as_of = getattr(record, "as_of_display", "")
    named = source_link(source) if source is not None else "not named"
    when = format_html(", as of {}", as_of) if as_of else ", date not stated"
    return format_html(
        '<span class="citation"><a href="{}">Source</a>: {}{}.</span>{}',
        reverse("careers:about") + "#sources",
        named,
        when,
        date_mark(record, line),
    )


def date_mark(record, line):
    """A mark beside a figure whose date is not its section's (the date line says the rest):
    its own date, and its age by the site's one rule. Nothing for a figure the line covers."""
    if not line:
        return ""
    item = dated(record)
    if item is None or not line.differs(item):
        return ""
    age = f", more than {age_words()} old" if item.old else ""
    return format_html(
        ' <span class="date-mark">Dated differently: {}{}.</span>',
        item.when or "date not stated",
        age,
    )


def figure_label(salary, figure):
    """One label per pay figure: the source's own words where they name that figure ("median
    total pay", "average annual salary"), else a plain one. A range is never called an average."""
    basis = (getattr(salary, "basis", "") or "").strip()
    if figure == "range":
        return "Pay range"
    if figure in basis.lower():
        return basis[:1].upper() + basis[1:]
    return f"{figure.capitalize()} pay"


def note_number(notes, salary):
    """The number of the note (careers.pay_notes.PayNotes) that cites `salary`, or None."""
    return notes.number(salary) if notes else None


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


def all_in_job_search(companies):
    """True when every company was among the February 2025 LinkedIn search's employers."""
    companies = list(companies)
    return bool(companies) and all(company.in_job_search for company in companies)


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


def stat_value(statistic):
    """2,800 results, 53%, 1,000,000 jobs, #8 — prefixed by the source's qualifier ("over")."""
    if statistic.value is None:
        return ""
    number = _number(statistic.value)
    unit = statistic.unit.strip()
    pattern = UNIT_FORMATS.get(unit.lower())
    text = pattern.format(n=number) if pattern else f"{number} {unit}".strip()
    return f"{statistic.qualifier} {text}" if statistic.qualifier else text


def importance_label(value):
    """1 -> "Essential": for importance values annotated onto rows rather than read from RoleSkill."""
    try:
        return Importance(value).label
    except ValueError:
        return ""
