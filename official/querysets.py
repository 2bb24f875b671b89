"""Named reads on the official statistics."""

from django.db import models
from django.db.models import (
    Case,
    Exists,
    F,
    FilteredRelation,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)

from .areas import AreaKind
from .footnotes import TOP_CODE_ANNUAL, TOP_CODED

# Figures that are never top-coded (ratios, not wages): sorted by their value as it is.
DECIMAL_SORTS = ("jobs_per_1000", "location_quotient")


class AreaQuerySet(models.QuerySet):
    def national(self):
        return self.filter(kind=AreaKind.NATIONAL)

    def states(self):
        return self.filter(kind=AreaKind.STATE)

    def metros(self):
        return self.filter(kind=AreaKind.METRO)

    def national_and_states(self):
        return self.filter(kind__in=(AreaKind.NATIONAL, AreaKind.STATE))

    def named_like(self, text):
        return self.filter(name__icontains=text) if text else self

    def named_in(self, text, min_length=4):
        """Areas whose name holds `text` or one of its words (of `min_length` letters or more:
        shorter ones are in too many names): the places a search for roles may have meant.
        States and territories first."""
        text = text.strip()
        if len(text) < min_length:
            return self.none()  # "ca", "new": in too many names to mean one place
        named = Q(name__icontains=text)
        for word in text.split():
            if len(word) >= min_length:
                named |= Q(name__icontains=word)
        first = Case(When(kind=AreaKind.STATE, then=Value(0)), default=Value(1))
        return self.filter(named).exclude(kind=AreaKind.NATIONAL).order_by(first, "name", "pk")

    def with_estimate_of(self, occupation):
        """Each area with `area.estimate`: the occupation's WageEstimate there, or None. One
        LEFT JOIN on the estimates' (area, occupation) index, so areas without one stay."""
        return self.annotate(
            estimate=FilteredRelation("estimates", condition=Q(estimates__occupation=occupation))
        ).select_related("estimate")

    def ordered_by(self, sort):
        """`name` or a figure of `with_estimate_of` (`median`, `-p90`, `-location_quotient`, ...),
        areas without that figure last either way, then by name. A top-coded wage sorts as the
        top code."""
        key = sort.removeprefix("-")
        descending = sort.startswith("-")
        if key == "name":
            name = F("name").desc() if descending else F("name").asc()
            return self.order_by(name, "pk")
        if key in DECIMAL_SORTS:
            value = F(f"estimate__{key}")
        else:
            value = Case(
                When(**{f"estimate__{key}_footnote": TOP_CODED}, then=Value(TOP_CODE_ANNUAL)),
                default=F(f"estimate__{key}"),
                output_field=models.PositiveIntegerField(),
            )
        value = value.desc(nulls_last=True) if descending else value.asc(nulls_last=True)
        return self.order_by(value, "name", "pk")


class ReleaseQuerySet(models.QuerySet):
    def imported_whole(self):
        """Releases whose every figure was written by import_oews. A migration that adds a
        figure clears the SHA-256, so the next import reads the same file again in full."""
        return self.exclude(file_sha256="")


class WageEstimateQuerySet(models.QuerySet):
    def cited(self):
        """With the area and the release's source, for pages that cite each figure."""
        return self.select_related("area", "release__source")

    def in_area(self, occupation, area):
        """The occupation's estimate in `area`, cited: a QuerySet of at most one."""
        return self.cited().filter(occupation=occupation, area=area)

    def most_jobs(self, occupation, kind):
        """The occupation's estimates in areas of one kind (states, metro areas) with the most
        jobs first (employment BLS released; ties by the area's name)."""
        return (
            self.cited()
            .filter(occupation=occupation, area__kind=kind, employment__isnull=False)
            .order_by("-employment", "area__name", "pk")
        )


class HandbookProjectionQuerySet(models.QuerySet):
    def cited(self):
        """With the OOH page every figure cites."""
        return self.select_related("page")

    def for_occupation(self, occupation):
        """The occupation's row (by SOC code, so an occupation created after the import is
        found too), with its page's rows (the group's first), qualities and similar
        occupations: five queries, whatever the page holds."""
        return (
            self.cited()
            .filter(soc_code=occupation.soc_code)
            .prefetch_related("page__projections", "page__page_qualities__quality", "page__similar")
        )

    def occupations(self):
        """One row per SOC occupation: a group page's total row left out (its own rows follow
        it); a page of one occupation keeps its only row. Each row knows whether its page's
        facts are a group's (`on_group_page`) and that group's title (`group_title`)."""
        rows = self.model.objects.filter(page=OuterRef("page"))
        return self.annotate(
            on_group_page=Exists(rows.filter(order__gt=0)),
            group_title=Subquery(rows.filter(order=0).values("title")[:1]),
        ).exclude(order=0, on_group_page=True)

    def ordered_by(self, sort):
        """A column of /outlook/'s table (`title`, `change_percent`, `-openings`, ...), then by
        title: the keys official.forms.OUTLOOK_COLUMNS lists."""
        key = sort.removeprefix("-")
        field = {"openings": "page__openings_per_year", "education": "page__entry_education"}.get(
            key, key
        )
        value = F(field).desc() if sort.startswith("-") else F(field).asc()
        return self.order_by(value, "title", "pk")
