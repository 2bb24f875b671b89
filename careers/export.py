"""The role list as CSV rows: every matching role, its cited pay, stage, skills and official
outlook.

Plain functions over `Role.objects.published().for_export()` rows (prefetched skills and
salaries); core.spreadsheet makes the cells safe and streams them.
"""

from django.utils.dateformat import format as date_format

from official.formatting import wage_text
from official.models import HANDBOOK_NAME, HANDBOOK_PUBLISHER, HANDBOOK_SPAN

from .models import Importance
from .querysets import PAY_RANGE

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
    "bls_area",
    "bls_occupation",
    "bls_match",
    "bls_median",
    "bls_median_text",
    "bls_source",
    "bls_as_of",
    # Published roles (this one included) mapped to the same official occupation, so showing
    # the same official figure; empty without one.
    "official_roles_sharing",
    # BLS Occupational Outlook Handbook, 2024-34: the official occupation's projection and its
    # page's way in (the group's, named in outlook_group, on a group page).
    "outlook_span",
    "outlook_occupation",
    "outlook_group",
    "outlook_employment_2024",
    "outlook_employment_2034",
    "outlook_change_percent",
    "outlook_change_number",
    "outlook_openings_per_year",
    "outlook_entry_education",
    "outlook_work_experience",
    "outlook_source",
    "outlook_source_url",
    "outlook_as_of",
]

NO_DATA = "no data"


def official_cells(role, area, release):
    """[area, occupation, match, median, median in words, source, as of] for a role annotated
    by with_official_median() (RoleFilter with official_median=True); "no data" where BLS has
    nothing for it."""
    if area is None or release is None:
        return ["", "", "", NO_DATA, "No official data is loaded on this site", "", ""]
    occupation = role.official_occupation
    if occupation is None:
        return [area.display_name, "", "", NO_DATA, "No official occupation matched", "", ""]
    median = role.bls_median
    return [
        area.display_name,
        f"{occupation.title} (SOC {occupation.soc_code})",
        role.official_match,
        NO_DATA if median is None else median,
        wage_text(median, role.bls_median_footnote or ""),
        f"{release.source}, {release.name} estimates",
        release.as_of_display,
    ]


def sharing_cell(role, area, release):
    """How many published roles show this role's official figure (RoleQuerySet.
    with_shared_official()); empty where no official figure is shown."""
    if area is None or release is None or role.official_occupation_id is None:
        return ""
    return role.official_roles_sharing


def outlook_cells(role):
    """The outlook columns for a role annotated by RoleQuerySet.with_outlook(): "no data" in
    each figure where no imported OOH page covers its official occupation."""
    if role.outlook_page_url is None:
        return [HANDBOOK_SPAN, "", "", *[NO_DATA] * 7, "", "", ""]
    return [
        HANDBOOK_SPAN,
        f"{role.outlook_title} (SOC {role.outlook_soc_code})",
        role.outlook_group or "",
        role.outlook_employment_2024,
        role.outlook_employment_2034,
        role.outlook_change_percent,
        role.outlook_change_number,
        role.outlook_openings_per_year,
        role.outlook_entry_education,
        role.outlook_work_experience,
        f"{HANDBOOK_PUBLISHER}, {HANDBOOK_NAME}: {role.outlook_page_title}",
        role.outlook_page_url,
        f"Last modified {date_format(role.outlook_last_modified, 'F j, Y')}",
    ]


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


def role_row(role, base_url="", area=None, release=None):
    """One CSV row (a list of cells, in COLUMNS order) for a `for_export()` role annotated by
    with_official_median() (unless `area` is None) and with_outlook()."""
    median = _cited(role.median_salary, ["median"])
    pay_range = _cited(role.range_salary, list(PAY_RANGE))
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
    row += official_cells(role, area, release)
    row.append(sharing_cell(role, area, release))
    row += outlook_cells(role)
    return row
