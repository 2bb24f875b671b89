"""Bring one verified OEWS release into the database: areas, occupations, footnotes and the
cross-industry wage estimates, all or nothing, writing only what differs."""

import sqlite3
from dataclasses import dataclass, field

from django.db import transaction

from core.content import announce_change
from core.models import Source

from .areas import public_code
from .models import IMPORTED_FIGURES, Area, AreaKind, Footnote, Occupation, Release, WageEstimate
from .oews import (
    CROSS_INDUSTRY,
    DATATYPES,
    DECIMAL_FIGURES,
    OewsFileError,
    parse_decimal,
    parse_number,
)

SOURCE_SLUG = "bls-oews"
SOURCE = {
    "publisher": "U.S. Bureau of Labor Statistics",
    "title": "Occupational Employment and Wage Statistics (OEWS)",
    "url": "https://www.bls.gov/oes/",
}
# SOC major group 15-0000, Computer and Mathematical Occupations: every detailed occupation.
MAJOR_GROUP = "15"
DETAILED = 3
BATCH = 2000


def soc(code):
    """BLS's 6 digits as the SOC code people write: 152051 -> 15-2051."""
    return f"{code[:2]}-{code[2:]}"


@dataclass
class Summary:
    areas: int = 0
    occupations: int = 0
    estimates: int = 0
    created: int = 0
    updated: int = 0
    removed: int = 0
    other_rows: int = 0
    missing: list = field(default_factory=list)

    @property
    def changed(self):
        return bool(self.created or self.updated or self.removed or self.other_rows)


def _read_table(connection, sql):
    try:
        return connection.execute(sql).fetchall()
    except sqlite3.DatabaseError as error:
        raise OewsFileError(f"The file cannot be read ({error}).") from None


def wanted_occupations(names, known_codes):
    """6-digit codes to import: every detailed 15-0000 occupation and every one already known
    here (the roles' mappings come in with the fixtures)."""
    wanted = {
        code
        for code, (_, level) in names.items()
        if code.startswith(MAJOR_GROUP) and level == DETAILED
    }
    present = {code.replace("-", "") for code in known_codes}
    return sorted(wanted | (present & names.keys())), [
        soc(c) for c in sorted(present - names.keys())
    ]


def fitting(name, number):
    """A decimal figure that its column holds exactly (BLS writes 4.8, 0.464, 1.94): more
    decimals or digits than that is another layout, said in one line rather than rounded."""
    if number is None:
        return None
    field = WageEstimate._meta.get_field(name)
    places = -number.as_tuple().exponent
    whole = len(number.as_tuple().digits) - max(places, 0)
    if places > field.decimal_places or whole > field.max_digits - field.decimal_places:
        raise OewsFileError(
            f"{field.verbose_name.capitalize()} {number} has more digits than BLS publishes: "
            "unknown layout."
        )
    return number


def read_release(connection, known_codes, progress=None):
    """Everything to import, read from the file before anything is written."""
    names = {
        code: (name, level)
        for code, name, level in _read_table(
            connection, "SELECT occupation_code, occupation_name, display_level FROM occupation"
        )
    }
    occupations, missing = wanted_occupations(names, known_codes)
    areas = [
        row
        for row in _read_table(
            connection, "SELECT area_code, areatype_code, state_code, area_name FROM area"
        )
        if row[1] in AreaKind.values
    ]
    if not any(kind == AreaKind.NATIONAL for _, kind, _, _ in areas):
        raise OewsFileError("The file has no national area: unknown layout.")
    footnotes = _read_table(connection, "SELECT footnote_code, footnote_text FROM footnote")
    columns = [f"v{code}" for code in DATATYPES.values()] + [
        f"f{code}" for code in DATATYPES.values()
    ]
    select = f"SELECT key, {', '.join(columns)} FROM cell WHERE key IN "  # noqa: S608 (fixed names)
    cells = {}
    for area_code, kind, _, _ in progress(areas) if progress else areas:
        keys = [f"OEU{kind}{area_code}{CROSS_INDUSTRY}{code}" for code in occupations]
        rows = _read_table_args(connection, select + f"({', '.join('?' * len(keys))})", keys)
        for key, *values in rows:
            figures = {}
            for index, name in enumerate(DATATYPES):
                if name in DECIMAL_FIGURES:
                    figures[name] = fitting(name, parse_decimal(values[index]))
                else:
                    figures[name] = parse_number(values[index])
                figures[f"{name}_footnote"] = (values[index + len(DATATYPES)] or "").strip()[:2]
            cells[(area_code, key[-6:])] = figures
    return {
        "occupations": {code: names[code][0] for code in occupations},
        "missing": missing,
        "areas": areas,
        "footnotes": footnotes,
        "cells": cells,
    }


def _read_table_args(connection, sql, args):
    try:
        return connection.execute(sql, args).fetchall()
    except sqlite3.DatabaseError as error:
        raise OewsFileError(f"The file cannot be read ({error}).") from None


def _upsert(model, key, rows, fields):
    """Insert or update `model` rows by their unique `key` in one statement per batch; returns
    the rows by key."""
    model.objects.bulk_create(
        [model(**{key: value}, **data) for value, data in rows.items()],
        batch_size=BATCH,
        update_conflicts=True,
        unique_fields=[key],
        update_fields=fields,
    )
    return model.objects.in_bulk(list(rows), field_name=key)


def _release_fields(info, source):
    return {
        "name": info.name,
        "source": source,
        "as_of": info.as_of,
        "published_on": info.published_on,
        "retrieved_on": info.retrieved_on,
        "file_sha256": info.file_sha256,
    }


def already_imported(info, data):
    """True when this very file (its SHA-256 on the release, with the same manifest) was
    imported whole and is the only release shown: then nothing is written and the page cache
    is kept. A file read again after an occupation was newly mapped has estimates to add."""
    release = Release.objects.filter(code=info.code).select_related("source").first()
    if release is None or release.source.slug != SOURCE_SLUG:
        return False
    if any(
        getattr(release, name) != value
        for name, value in _release_fields(info, release.source).items()
    ):
        return False
    published = {soc(code) for _, code in data["cells"]}
    estimated = set(
        WageEstimate.objects.filter(release=release)
        .values_list("occupation__soc_code", flat=True)
        .distinct()
    )
    others = WageEstimate.objects.exclude(release=release).exists()
    return estimated == published and not others


@transaction.atomic
def write_release(info, data):
    """Make the database hold exactly this release's estimates; returns a Summary."""
    summary = Summary(missing=data["missing"])
    if already_imported(info, data):
        summary.areas = Area.objects.count()
        summary.occupations = len(data["occupations"])
        summary.estimates = len(data["cells"])
        return summary

    source, _ = Source.objects.get_or_create(slug=SOURCE_SLUG, defaults=SOURCE)
    release, _ = Release.objects.update_or_create(
        code=info.code, defaults=_release_fields(info, source)
    )
    summary.other_rows += 1
    _upsert(Footnote, "code", {code: {"text": text} for code, text in data["footnotes"]}, ["text"])
    areas = _upsert(
        Area,
        "bls_code",
        {
            bls_code: {
                "code": public_code(kind, bls_code, state),
                "kind": kind,
                "name": name,
                "state_fips": state,
            }
            for bls_code, kind, state, name in data["areas"]
        },
        ["code", "kind", "name", "state_fips"],
    )
    occupations = _upsert(
        Occupation,
        "soc_code",
        {soc(code): {"title": title} for code, title in data["occupations"].items()},
        ["title"],
    )

    wanted = {
        (areas[area_code].pk, occupations[soc(code)].pk): {**figures, "release_id": release.pk}
        for (area_code, code), figures in data["cells"].items()
    }
    # Read only to say what the run did ("12 added, 3 changed"); the write is one upsert.
    fields = [
        *IMPORTED_FIGURES,
        *(f"{name}_footnote" for name in IMPORTED_FIGURES),
        "release_id",
    ]
    before = {
        (area_id, occupation_id): (pk, dict(zip(fields, values, strict=True)))
        for pk, area_id, occupation_id, *values in WageEstimate.objects.values_list(
            "pk", "area_id", "occupation_id", *fields
        )
    }
    summary.created = sum(1 for key in wanted if key not in before)
    summary.updated = sum(
        1 for key, row in wanted.items() if key in before and before[key][1] != row
    )
    WageEstimate.objects.bulk_create(
        [
            WageEstimate(area_id=area_id, occupation_id=occupation_id, **row)
            for (area_id, occupation_id), row in wanted.items()
        ],
        batch_size=BATCH,
        update_conflicts=True,
        unique_fields=["occupation", "area"],
        update_fields=[field.removesuffix("_id") for field in fields],
    )
    # Estimates the release no longer publishes (of any release): one release is shown at a
    # time.
    stale = [pk for key, (pk, _) in before.items() if key not in wanted]
    for start in range(0, len(stale), BATCH):
        summary.removed += WageEstimate.objects.filter(
            pk__in=stale[start : start + BATCH]
        ).delete()[0]
    Release.objects.exclude(pk=release.pk).filter(estimates__isnull=True).delete()

    summary.areas = len(areas)
    summary.occupations = len(data["occupations"])
    summary.estimates = len(wanted)
    # bulk writes send no signals: the page cache hears of them here.
    announce_change()
    return summary
