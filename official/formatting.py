"""How official (BLS) figures are written: never $0, never a blank, top-coding and withheld
estimates said in words, each figure with its BLS footnote marker."""

from django.utils.dateformat import format as date_format
from django.utils.html import format_html

from core.formatting import money

from .footnotes import NOT_RELEASED, TOP_CODE_ANNUAL, TOP_CODED

NO_ESTIMATE = "BLS publishes no estimate here"
NOT_RELEASED_TEXT = "Not released by BLS"


def wage_text(value, footnote=""):
    """120230 -> "$120,230"; top-coded -> "$239,200 or more"; withheld or absent in words."""
    if footnote == TOP_CODED:
        return f"{money(value or TOP_CODE_ANNUAL)} or more"
    if value is None:
        return NOT_RELEASED_TEXT if footnote == NOT_RELEASED else NO_ESTIMATE
    return money(value)


def count_text(value, footnote=""):
    if value is None:
        return NOT_RELEASED_TEXT if footnote == NOT_RELEASED else NO_ESTIMATE
    return f"{value:,}"


PERCENTILE_NAMES = {
    "p10": "10th percentile",
    "p25": "25th percentile",
    "median": "median",
    "p75": "75th percentile",
    "p90": "90th percentile",
}


def rse_text(value, footnote=""):
    """A relative standard error as BLS gives it, in percent: Decimal("4.3") -> "±4.3%"."""
    if value is None:
        return "not released by BLS" if footnote == NOT_RELEASED else "not published"
    return f"±{value}%"


def ratio_text(value, footnote=""):
    """Employment per 1,000 jobs or a location quotient, with the decimals BLS writes."""
    if value is None:
        return NOT_RELEASED_TEXT if footnote == NOT_RELEASED else "Not published for this area"
    return str(value)


def reliability_text(estimate):
    """ "employment ±4.3%, mean wage ±2.6%": the two relative standard errors, each named for
    what it measures; the template adds "(relative standard error)" and the footnote."""
    return (
        f"employment {rse_text(*estimate.figure('employment_rse'))}, "
        f"mean wage {rse_text(*estimate.figure('mean_rse'))}"
    )


def coinciding_text(estimate):
    """One sentence per wage BLS publishes for several percentiles, or nothing."""
    sentences = []
    for value, names in estimate.coinciding_percentiles():
        labels = [PERCENTILE_NAMES[name] for name in names]
        listed = ", ".join(labels[:-1]) + " and " + labels[-1]
        sentences.append(
            f"The {listed} are all {money(value)}: BLS publishes the same figure for each."
        )
    return " ".join(sentences)


def footnote_ref(footnote):
    """A marker pointing at the BLS footnote listed under the figures."""
    if not footnote:
        return ""
    return format_html(
        '<sup class="bls-note-ref"><a href="#bls-note-{}">'
        '<span class="visually-hidden">BLS footnote </span>{}</a></sup>',
        footnote,
        footnote,
    )


RATIO_FIGURES = ("jobs_per_1000", "location_quotient")


def figure_text(name, value, footnote=""):
    """Any figure of a WageEstimate by its name, in the words above (no marker)."""
    if name == "employment":
        return count_text(value, footnote)
    if name in RATIO_FIGURES:
        return ratio_text(value, footnote)
    if name.endswith("_rse"):
        return rse_text(value, footnote)
    return wage_text(value, footnote)


def official_figure(estimate, name):
    """One figure of a WageEstimate (or None: no estimate) as text plus its footnote marker."""
    if estimate is None:
        return NO_ESTIMATE
    value, footnote = estimate.figure(name)
    return format_html("{}{}", figure_text(name, value, footnote), footnote_ref(footnote))


def official_citation(release):
    """Who says so and when: BLS and the month its estimates describe. The data package states
    no publication date, only the date of the data file it copied: said as that."""
    source = release.source
    named = (
        format_html('<a href="{}" rel="noopener">{}</a>', source.url, source)
        if source.url
        else format_html("{}", source)
    )
    return format_html(
        '<span class="citation">Source: {}, estimates as of {} (data file dated {}).</span>',
        named,
        release.as_of_display,
        date_format(release.published_on, "j F Y"),
    )


def signed(value, suffix=""):
    """+82,500 or -7,200 (a change, so its sign is always written; 0 stays 0)."""
    if value is None:
        return ""
    sign = "+" if value > 0 else "−" if value < 0 else ""
    return f"{sign}{abs(value):,}{suffix}"
