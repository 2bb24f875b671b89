"""What an area is (its kinds) and what the BLS area list does not carry: postal codes for its
state FIPS codes, and where each state sits on the pay-by-location tile map."""

from django.db import models


class AreaKind(models.TextChoices):
    NATIONAL = "N", "National"
    STATE = "S", "State or territory"
    METRO = "M", "Metropolitan or nonmetropolitan area"


# FIPS state code -> USPS postal code, for the 50 states, DC and the territories OEWS covers.
POSTAL_CODES = {
    "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT",
    "10": "DE", "11": "DC", "12": "FL", "13": "GA", "15": "HI", "16": "ID", "17": "IL",
    "18": "IN", "19": "IA", "20": "KS", "21": "KY", "22": "LA", "23": "ME", "24": "MD",
    "25": "MA", "26": "MI", "27": "MN", "28": "MS", "29": "MO", "30": "MT", "31": "NE",
    "32": "NV", "33": "NH", "34": "NJ", "35": "NM", "36": "NY", "37": "NC", "38": "ND",
    "39": "OH", "40": "OK", "41": "OR", "42": "PA", "44": "RI", "45": "SC", "46": "SD",
    "47": "TN", "48": "TX", "49": "UT", "50": "VT", "51": "VA", "53": "WA", "54": "WV",
    "55": "WI", "56": "WY", "66": "GU", "72": "PR", "78": "VI",
}  # fmt: skip

NATIONAL_CODE = "US"

# (column, row) of each tile: a common tile-grid layout of the states, territories on the
# bottom row. Every tile is the same size, so no state's area sways the eye.
TILES = {
    "AK": (0, 0), "ME": (11, 0),
    "VT": (10, 1), "NH": (11, 1),
    "WA": (1, 2), "ID": (2, 2), "MT": (3, 2), "ND": (4, 2), "MN": (5, 2), "IL": (6, 2),
    "WI": (7, 2), "MI": (8, 2), "NY": (9, 2), "RI": (10, 2), "MA": (11, 2),
    "OR": (1, 3), "NV": (2, 3), "WY": (3, 3), "SD": (4, 3), "IA": (5, 3), "IN": (6, 3),
    "OH": (7, 3), "PA": (8, 3), "NJ": (9, 3), "CT": (10, 3),
    "CA": (1, 4), "UT": (2, 4), "CO": (3, 4), "NE": (4, 4), "MO": (5, 4), "KY": (6, 4),
    "WV": (7, 4), "VA": (8, 4), "MD": (9, 4), "DE": (10, 4),
    "AZ": (2, 5), "NM": (3, 5), "KS": (4, 5), "AR": (5, 5), "TN": (6, 5), "NC": (7, 5),
    "SC": (8, 5), "DC": (9, 5),
    "OK": (4, 6), "LA": (5, 6), "MS": (6, 6), "AL": (7, 6), "GA": (8, 6),
    "HI": (0, 7), "TX": (4, 7), "FL": (9, 7),
    "GU": (0, 8), "PR": (10, 8), "VI": (11, 8),
}  # fmt: skip
TILE_COLUMNS = 12
TILE_ROWS = 9


def public_code(kind, bls_code, state_fips):
    """The code visitors use: US, a postal code, or a metro area's 5-digit code (a
    nonmetropolitan area keeps BLS's 7 digits, which no metro code has)."""
    if kind == AreaKind.NATIONAL:
        return NATIONAL_CODE
    if kind == AreaKind.STATE:
        return POSTAL_CODES.get(state_fips, bls_code)
    return bls_code[2:] if bls_code.startswith("00") else bls_code
