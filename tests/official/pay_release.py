"""Made-up OEWS releases for the pay-by-location page's tests, written by oews_file.py's
write_release: a small one with every case the page words differently, and one with every
state and territory and as many metro areas as asked. None of these figures is BLS's."""

from pathlib import Path

from official.areas import POSTAL_CODES

from . import oews_file

# (7-digit area code, type, state FIPS, name), as BLS codes them: the nation 0000000, a state
# its FIPS code and 00000, a metro area 00 and its 5 digits, a nonmetropolitan area 7 digits.
NATIONAL = ("0000000", "N", "00", "National")
CALIFORNIA = ("0600000", "S", "06", "California")
TEXAS = ("4800000", "S", "48", "Texas")
GUAM = ("6600000", "S", "66", "Guam")
SAN_FRANCISCO = ("0041860", "M", "06", "San Francisco-Oakland-Fremont, CA")
AUSTIN = ("0012420", "M", "48", "Austin-Round Rock-San Marcos, TX")
NORTH_COAST = ("0600004", "M", "06", "North Coast Region of California nonmetropolitan area")
AREAS = [NATIONAL, CALIFORNIA, TEXAS, GUAM, SAN_FRANCISCO, AUSTIN, NORTH_COAST]

# Every occupation the fixtures map a role to, so the import names none as missing.
OCCUPATIONS = [
    *oews_file.OCCUPATIONS,
    ("151251", "Computer Programmers", 3),
]
DATA_SCIENTISTS = "152051"
NOT_RELEASED = ("-", "8")
TOP_CODED = ("#", "5")
# BLS datatype of each figure, in the order `figures` takes them.
DATATYPES = ("01", "04", "11", "12", "13", "14", "15")


# BLS datatype of the figures `figures` takes by name: the relative standard errors of the
# employment and the mean wage (percent), employment per 1,000 jobs, the location quotient.
MORE_DATATYPES = ("02", "05", "16", "17")


def figures(employment, mean, p10, p25, median, p75, p90, rse=("4.3", "2.6"),
            where=("0.464", "1.10")):  # fmt: skip
    """One cell from plain numbers; pass (value, footnote) for a marked figure, e.g.
    NOT_RELEASED or TOP_CODED. `rse`: the employment's and the mean wage's relative standard
    errors; `where`: employment per 1,000 jobs and the location quotient (None: not in the
    file, as for the nation), each as BLS writes it."""
    cell = {}
    values = (employment, mean, p10, p25, median, p75, p90, *rse, *(where or (None, None)))
    for datatype, value in zip(DATATYPES + MORE_DATATYPES, values, strict=True):
        if value is None:
            continue
        if isinstance(value, tuple):
            cell[f"v{datatype}"], cell[f"f{datatype}"] = value
        else:
            cell[f"v{datatype}"] = str(value)
    return cell


def key(area, occupation=DATA_SCIENTISTS):
    """BLS's cell key: OEU, area type and code, cross-industry, SOC code without the hyphen."""
    code, kind, _, _ = area
    return f"OEU{kind}{code}000000{occupation}"


# Data Scientists: California and San Francisco published, Texas's wages withheld, San
# Francisco's 90th percentile top-coded, Guam, Austin and the North Coast without estimate.
CELLS = {
    key(NATIONAL): figures(
        262440, 126800, 67240, 85660, 120230, 158880, 199130, rse=("1.8", "0.7"), where=None
    ),
    key(CALIFORNIA): figures(
        39310, 156000, 77480, 103360, 141590, 186820, 224920, where=("2.158", "1.29")
    ),
    key(TEXAS): figures(
        21000, *[NOT_RELEASED] * 6, rse=("9.2", NOT_RELEASED), where=("1.625", "0.99")
    ),
    key(SAN_FRANCISCO): figures(
        12000,
        190000,
        98000,
        130000,
        175000,
        215000,
        TOP_CODED,
        rse=("12.6", "3.5"),
        where=("4.248", "2.54"),
    ),
    key(NATIONAL, "151221"): figures(
        40000, 150000, 80000, 110000, 140000, 180000, 230000, where=None
    ),
    # Software Developers in California: four percentiles BLS publishes as one figure.
    key(CALIFORNIA, "151252"): figures(
        8440,
        133580,
        62350,
        131650,
        131650,
        131650,
        131650,
        rse=("4.8", "6.2"),
        where=("0.464", "1.94"),
    ),
}


def all_states_and_metros(metros=0):
    """(areas, cells): every state and territory the tile map places ("State 06", ...) and
    `metros` metro areas ("Metro area 0000", code 10000, then every 20th), with Data Scientists
    in every state (medians $80,000 up by $1,500 a state, the first withheld; employment per
    1,000 jobs 0.1 up by 0.1, location quotients 0.10 up by 0.05) and in two metro areas of
    three."""
    areas = [NATIONAL]
    cells = {key(NATIONAL): CELLS[key(NATIONAL)]}
    for index, fips in enumerate(sorted(POSTAL_CODES)):
        area = (f"{fips}00000", "S", fips, f"State {fips}")
        areas.append(area)
        median = 80_000 + index * 1_500
        cells[key(area)] = figures(
            1000 + index, median + 3_000, median - 40_000, median - 20_000, median,
            median + 25_000, median + 50_000,
            where=(f"{0.1 + index * 0.1:.3f}", f"{0.1 + index * 0.05:.2f}"),
        )  # fmt: skip
    for index in range(metros):
        area = (f"00{10000 + index * 20:05d}", "M", "06", f"Metro area {index:04d}")
        areas.append(area)
        if index % 3:
            median = 70_000 + index * 200
            cells[key(area)] = figures(
                100 + index, median, median - 30_000, median - 15_000, median, median + 20_000,
                median + 40_000, where=(f"{0.2 + index * 0.01:.3f}", f"{0.3 + index * 0.01:.2f}"),
            )  # fmt: skip
    # One estimate BLS withheld, so the page has a footnote to list at any size.
    cells[key(areas[1])] = figures(500, *[NOT_RELEASED] * 6, rse=("4.3", NOT_RELEASED))
    return areas, cells


def write_pay_release(folder, areas=AREAS, cells=CELLS):
    """oews_file.write_release with these areas and cells; returns the file's path."""
    Path(folder).mkdir(parents=True, exist_ok=True)
    return oews_file.write_release(folder, cells=cells, areas=areas, occupations=OCCUPATIONS)


def write_combined_release(folder, metros=40):
    """oews_file's default release with every state and `metros` metro areas added (its own
    areas keep their names and figures): the browser tests' site, where the role list's
    official pay and the pay-by-location map both have data."""
    Path(folder).mkdir(parents=True, exist_ok=True)
    areas, cells = all_states_and_metros(metros)
    known = {code for code, _, _, _ in oews_file.AREAS}
    areas = oews_file.AREAS + [area for area in areas if area[0] not in known]
    return oews_file.write_release(
        folder, cells=cells | oews_file.default_cells(), areas=areas, occupations=OCCUPATIONS
    )
