"""Bring the verified OOH pages into the database, all or nothing, writing only what differs:
pages, their projections (linked to official occupations by SOC code), qualities and similar
occupations. Pages the manifest no longer lists are removed: one edition is shown at a time."""

from dataclasses import dataclass

from django.db import transaction
from django.utils.text import slugify

from core.content import announce_change

from .models import (
    HandbookPage,
    HandbookProjection,
    Occupation,
    PageQuality,
    Quality,
    SimilarOccupation,
)

PAGE_FIELDS = (
    "title",
    "last_modified",
    "visited_on",
    "file_sha256",
    "entry_education",
    "work_experience",
    "on_the_job_training",
    "outlook_phrase",
    "openings_per_year",
)
PROJECTION_FIELDS = (
    "order",
    "title",
    "soc_code",
    "occupation_id",
    "employment_2024",
    "employment_2034",
    "change_percent",
    "change_number",
    "median_pay_2024",
)
SIMILAR_FIELDS = (
    "order",
    "title",
    "url",
    "entry_education",
    "median_pay_text",
    "median_pay_2024",
)


@dataclass
class Summary:
    pages: int = 0
    projections: int = 0
    linked: int = 0
    qualities: int = 0
    written: int = 0
    removed: int = 0

    @property
    def changed(self):
        return bool(self.written or self.removed)


def _replace(model, page, existing, wanted, fields):
    """Make `page`'s rows of `model` exactly `wanted` (dicts); rows written."""
    if [tuple(getattr(row, name) for name in fields) for row in existing] == [
        tuple(row[name] for name in fields) for row in wanted
    ]:
        return 0
    model.objects.filter(page=page).delete()
    model.objects.bulk_create([model(page=page, **row) for row in wanted])
    return len(wanted)


def _qualities(pages):
    """Quality rows by name, created where new."""
    names = sorted({name for page in pages for name, _ in page.qualities})
    existing = {quality.name: quality for quality in Quality.objects.filter(name__in=names)}
    new = [Quality(name=name, slug=slugify(name)) for name in names if name not in existing]
    Quality.objects.bulk_create(new)
    existing.update({q.name: q for q in Quality.objects.filter(name__in=[q.name for q in new])})
    return existing, len(new)


@transaction.atomic
def write_pages(pages):
    """Make the database hold exactly these pages; returns a Summary."""
    summary = Summary(pages=len(pages))
    codes = {row.soc_code for page in pages for row in page.projections if row.soc_code}
    occupations = dict(Occupation.objects.filter(soc_code__in=codes).values_list("soc_code", "pk"))
    qualities, summary.written = _qualities(pages)
    summary.qualities = len(qualities)
    stored = {
        page.url: page
        for page in HandbookPage.objects.prefetch_related(
            "projections", "page_qualities", "similar"
        )
    }
    for data in pages:
        values = {name: getattr(data, name) for name in PAGE_FIELDS}
        page = stored.pop(data.url, None)
        if page is None:
            page = HandbookPage.objects.create(url=data.url, **values)
            summary.written += 1
            projections, page_qualities, similar = [], [], []
        else:
            if any(getattr(page, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(page, name, value)
                page.save()
                summary.written += 1
            projections = list(page.projections.all())
            page_qualities = list(page.page_qualities.all())
            similar = list(page.similar.all())
        wanted = []
        for order, row in enumerate(data.projections):
            wanted.append(
                {
                    "order": order,
                    "title": row.title,
                    "soc_code": row.soc_code,
                    "occupation_id": occupations.get(row.soc_code),
                    "employment_2024": row.employment_2024,
                    "employment_2034": row.employment_2034,
                    "change_percent": row.change_percent,
                    "change_number": row.change_number,
                    "median_pay_2024": row.median_pay_2024,
                }
            )
        summary.projections += len(wanted)
        summary.linked += sum(row["occupation_id"] is not None for row in wanted)
        summary.written += _replace(
            HandbookProjection, page, projections, wanted, PROJECTION_FIELDS
        )
        summary.written += _replace(
            PageQuality,
            page,
            page_qualities,
            [
                {"order": order, "quality_id": qualities[name].pk, "printed_as": printed}
                for order, (name, printed) in enumerate(data.qualities)
            ],
            ("order", "quality_id", "printed_as"),
        )
        summary.written += _replace(
            SimilarOccupation,
            page,
            similar,
            [
                {"order": order, **{name: getattr(row, name) for name in SIMILAR_FIELDS[1:]}}
                for order, row in enumerate(data.similar)
            ],
            SIMILAR_FIELDS,
        )
    if stored:
        summary.removed += HandbookPage.objects.filter(
            pk__in=[p.pk for p in stored.values()]
        ).delete()[0]
    summary.removed += Quality.objects.filter(page_qualities__isnull=True).delete()[0]
    if summary.changed:
        # bulk writes send no signals: the page cache hears of them here.
        announce_change()
    return summary
