"""The role list as CSV rows: every matching role, its cited pay, stage and skills.

Plain functions over `Role.objects.published().for_list()` rows (prefetched skills and salaries),
used by the export view; the API builds its JSON from the same records.
"""

from .models import Importance
from .querysets import PAY_RANGE, pick_salary

# A cell a spreadsheet would read as a formula (or a DDE call) starts with one of these.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

COLUMNS = [
    "slug",
    "title",
    "url",
    "career_stage",
    "median_pay",
    "median_currency",
    "median_basis",
    "median_source",
    "median_source_url",
    "median_as_of",
    "range_low",
    "range_high",
    "range_currency",
    "range_source",
    "range_source_url",
    "range_as_of",
    "skills",
]

NO_DATA = "no data"


def spreadsheet_safe(value):
    """The cell as text; one that a spreadsheet would evaluate is prefixed with an apostrophe,
    which spreadsheets show as text (OWASP's advice for CSV injection)."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def _cited(salary, figures):
    """[figures..., currency, basis?, source, source url, as of] for one record, or "no data"."""
    if salary is None:
        return None
    return {
        "figures": [getattr(salary, figure) for figure in figures],
        "currency": salary.currency,
        "basis": salary.basis,
        "source": str(salary.source),
        "source_url": salary.source.url,
        "as_of": salary.as_of_display or "date not stated",
    }


def skill_text(links):
    """ "Python (Essential); Deep learning (Valuable)": most important first."""
    return "; ".join(f"{link.skill.name} ({Importance(link.importance).label})" for link in links)


def role_row(role, base_url=""):
    """One CSV row (a list of cells, in COLUMNS order) for a `for_list()` role."""
    median = _cited(pick_salary(role.salary_records, "median"), ["median"])
    pay_range = _cited(pick_salary(role.salary_records, *PAY_RANGE), list(PAY_RANGE))
    row = [
        role.slug,
        role.title,
        base_url + role.get_absolute_url(),
        role.stage.name if role.stage else "not stated",
    ]
    if median:
        row += [
            *median["figures"],
            median["currency"],
            median["basis"],
            median["source"],
            median["source_url"],
            median["as_of"],
        ]
    else:
        row += [NO_DATA, "", "", "", "", ""]
    if pay_range:
        row += [
            *pay_range["figures"],
            pay_range["currency"],
            pay_range["source"],
            pay_range["source_url"],
            pay_range["as_of"],
        ]
    else:
        row += [NO_DATA, NO_DATA, "", "", "", ""]
    row.append(skill_text(role.listed_skills))
    return [spreadsheet_safe(cell) for cell in row]
