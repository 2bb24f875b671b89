"""Bring one verified OEWS release into the database: areas, occupations, footnotes and the
cross-industry wage estimates, all or nothing, writing only what differs."""

import sqlite3
from dataclasses import dataclass, field

from django.db import transaction

from core.content import announce_change
from core.models import Source

from .areas import public_code
from .models import FIGURES, Area, Footnote, Occupation, Release, WageEstimate
from .oews import AREA_KINDS, CROSS_INDUSTRY, DATATYPES, OewsFileError, parse_number

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
        if row[1] in AREA_KINDS
    ]
    if not any(kind == "N" for _, kind, _, _ in areas):
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


def _sync(model, key, rows, fields):
    """Create or update `model` rows by `key`; returns (instances by key, rows written)."""
    existing = {
        getattr(obj, key): obj for obj in model.objects.filter(**{f"{key}__in": list(rows)})
    }
    create, update = [], []
    for value, data in rows.items():
        obj = existing.get(value)
        if obj is None:
            create.append(model(**{key: value}, **data))
        elif any(getattr(obj, name) != data[name] for name in fields):
            for name in fields:
                setattr(obj, name, data[name])
            update.append(obj)
    model.objects.bulk_create(create, batch_size=BATCH)
    if update:
        model.objects.bulk_update(update, fields, batch_size=BATCH)
    existing.update(
        {getattr(obj, key): obj for obj in model.objects.filter(**{f"{key}__in": list(rows)})}
    )
    return existing, len(create) + len(update)


@transaction.atomic
def write_release(info, data):
    """Make the database hold exactly this release's estimates; returns a Summary."""
    summary = Summary(missing=data["missing"])
    source, created = Source.objects.get_or_create(slug=SOURCE_SLUG, defaults=SOURCE)
    summary.other_rows += created
    release_fields = {
        "name": info.name,
        "source": source,
        "as_of": info.as_of,
        "published_on": info.published_on,
        "retrieved_on": info.retrieved_on,
        "file_sha256": info.file_sha256,
    }
    release = Release.objects.filter(code=info.code).first()
    if release is None:
        release = Release.objects.create(code=info.code, **release_fields)
        summary.other_rows += 1
    elif any(getattr(release, name) != value for name, value in release_fields.items()):
        for name, value in release_fields.items():
            setattr(release, name, value)
        release.save()
        summary.other_rows += 1

    _, written = _sync(
        Footnote, "code", {code: {"text": text} for code, text in data["footnotes"]}, ["text"]
    )
    summary.other_rows += written
    areas, written = _sync(
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
    summary.other_rows += written
    occupations, written = _sync(
        Occupation,
        "soc_code",
        {soc(code): {"title": title} for code, title in data["occupations"].items()},
        ["title"],
    )
    summary.other_rows += written

    wanted = {
        (areas[area_code].pk, occupations[soc(code)].pk): figures
        for (area_code, code), figures in data["cells"].items()
    }
    fields = [*FIGURES, *(f"{name}_footnote" for name in FIGURES), "release"]
    existing = {
        (estimate.area_id, estimate.occupation_id): estimate
        for estimate in WageEstimate.objects.filter(
            occupation__in=[occupations[soc(code)] for code in data["occupations"]]
        )
    }
    create, update = [], []
    for (area_id, occupation_id), figures in wanted.items():
        estimate = existing.pop((area_id, occupation_id), None)
        if estimate is None:
            create.append(
                WageEstimate(
                    area_id=area_id, occupation_id=occupation_id, release=release, **figures
                )
            )
        elif estimate.release_id != release.pk or any(
            getattr(estimate, name) != value for name, value in figures.items()
        ):
            for name, value in figures.items():
                setattr(estimate, name, value)
            estimate.release = release
            update.append(estimate)
    WageEstimate.objects.bulk_create(create, batch_size=BATCH)
    if update:
        WageEstimate.objects.bulk_update(update, fields, batch_size=BATCH)
    # Estimates of these occupations that the release no longer publishes, and any of other
    # releases: one release is shown at a time.
    stale = [estimate.pk for estimate in existing.values()]
    removed = WageEstimate.objects.filter(pk__in=stale).delete()[0] if stale else 0
    removed += WageEstimate.objects.exclude(release=release).delete()[0]
    Release.objects.exclude(pk=release.pk).filter(estimates__isnull=True).delete()

    summary.areas = len(areas)
    summary.occupations = len(data["occupations"])
    summary.estimates = len(wanted)
    summary.created, summary.updated, summary.removed = len(create), len(update), removed
    if summary.changed:
        # bulk writes send no signals: the page cache hears of them here.
        announce_change()
    return summary
