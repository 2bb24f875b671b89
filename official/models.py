"""BLS Occupational Employment and Wage Statistics (OEWS): areas, occupations and the wage
estimates of one release, each cited to the release's Source row.

The guide's own figures live in careers.Salary; these are never merged with them.
"""

from django.db import models
from django.db.models import Q
from django.utils.dateformat import format as date_format

from .areas import AreaKind
from .footnotes import NOT_RELEASED, TOP_CODED
from .querysets import (
    AreaQuerySet,
    HandbookProjectionQuerySet,
    ReleaseQuerySet,
    WageEstimateQuerySet,
)

# The figures a wage estimate carries, in the order pages show them.
WAGE_FIGURES = ("p10", "p25", "median", "p75", "p90")
FIGURES = ("employment", "mean", *WAGE_FIGURES)
# BLS's relative standard errors (percent, one decimal) of the employment and the mean wage.
RSE_FIGURES = ("employment_rse", "mean_rse")
# Where the jobs are: employment per 1,000 jobs (three decimals) and the location quotient (two
# decimals); BLS publishes both for states and metro areas only, never for the nation.
CONCENTRATION_FIGURES = ("jobs_per_1000", "location_quotient")
# Every figure the importer writes, each with its footnote.
IMPORTED_FIGURES = (*FIGURES, *RSE_FIGURES, *CONCENTRATION_FIGURES)


class Release(models.Model):
    """One OEWS release (e.g. May 2025), as imported: what every estimate cites."""

    code = models.CharField(max_length=10, unique=True, help_text="BLS release code, e.g. 2025A01.")
    name = models.CharField(max_length=40, help_text="As BLS names it, e.g. May 2025.")
    source = models.ForeignKey(
        "core.Source",
        on_delete=models.PROTECT,
        related_name="official_releases",
        help_text="The citation shown beside every figure of this release.",
    )
    as_of = models.DateField(help_text="The month the estimates describe (first day of it).")
    # The data package has no publication date: this is the date of BLS's data file as its
    # manifest records it, shown as a file date and never as a publication date.
    published_on = models.DateField(
        "file dated",
        help_text="The date of BLS's data file, as the data package's manifest records it "
        "(not a publication date: the package states none).",
    )
    retrieved_on = models.DateField(help_text="The day the files were downloaded from BLS.")
    file_sha256 = models.CharField(max_length=64, help_text="SHA-256 of the imported file.")

    objects = ReleaseQuerySet.as_manager()

    class Meta:
        ordering = ["-as_of"]

    def __str__(self):
        return f"BLS OEWS, {self.name}"

    @property
    def as_of_display(self):
        return date_format(self.as_of, "F Y")


class Footnote(models.Model):
    """A BLS footnote, as the release words it."""

    code = models.CharField(max_length=2, unique=True)
    text = models.TextField()

    class Meta:
        ordering = ["code"]

    def __str__(self):
        return f"{self.code}: {self.text}"


class Area(models.Model):
    """Where an estimate applies: the nation, a state or territory, or a (non)metropolitan area."""

    bls_code = models.CharField(max_length=7, unique=True, help_text="BLS's 7-digit area code.")
    # What visitors type and links carry: US, a postal code (CA, DC, PR) or a metro code (41860;
    # nonmetropolitan areas keep their 7 digits).
    code = models.CharField(max_length=7, unique=True)
    kind = models.CharField(max_length=1, choices=AreaKind.choices)
    name = models.CharField(max_length=200)
    state_fips = models.CharField(max_length=2, help_text="The state or territory it lies in.")

    objects = AreaQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "name"]
        indexes = [models.Index(fields=["kind", "name"], name="area_kind_name")]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        """BLS calls the nation "National"; visitors read "United States"."""
        return "United States" if self.kind == AreaKind.NATIONAL else self.name

    @property
    def is_state(self):
        return self.kind == AreaKind.STATE

    def natural_key(self):
        return (self.code,)


class OccupationManager(models.Manager):
    def get_by_natural_key(self, soc_code):
        return self.get(soc_code=soc_code)


class Occupation(models.Model):
    """An occupation of the Standard Occupational Classification, as OEWS names it."""

    soc_code = models.CharField(
        "SOC code",
        max_length=7,
        unique=True,
        help_text="e.g. 15-2051 (Data Scientists).",
    )
    title = models.CharField(max_length=200)

    objects = OccupationManager()

    class Meta:
        ordering = ["soc_code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(soc_code__regex=r"^[0-9]{2}-[0-9]{4}$"),
                name="occupation_soc_code_format",
                violation_error_message="A SOC code is two digits, a hyphen and four digits.",
            )
        ]

    def __str__(self):
        return f"{self.title} (SOC {self.soc_code})"

    def natural_key(self):
        return (self.soc_code,)


def _figure(verbose_name):
    return models.PositiveIntegerField(verbose_name, null=True, blank=True)


def _decimal(verbose_name, digits, places):
    # Decimal, not float: shown exactly as the file writes it (4.8, 0.464, 1.10).
    return models.DecimalField(
        verbose_name, max_digits=digits, decimal_places=places, null=True, blank=True
    )


def _footnote(verbose_name):
    return models.CharField(f"{verbose_name} footnote", max_length=2, blank=True)


class WageEstimate(models.Model):
    """One occupation's cross-industry estimates in one area. A figure BLS did not release is
    None with its footnote; a top-coded wage is BLS's lower bound with footnote 5."""

    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="estimates")
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="estimates")
    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="estimates")
    employment = _figure("employment")
    employment_footnote = _footnote("employment")
    mean = _figure("annual mean wage")
    mean_footnote = _footnote("annual mean wage")
    p10 = _figure("annual 10th percentile wage")
    p10_footnote = _footnote("10th percentile")
    p25 = _figure("annual 25th percentile wage")
    p25_footnote = _footnote("25th percentile")
    median = _figure("annual median wage")
    median_footnote = _footnote("median")
    p75 = _figure("annual 75th percentile wage")
    p75_footnote = _footnote("75th percentile")
    p90 = _figure("annual 90th percentile wage")
    p90_footnote = _footnote("90th percentile")
    employment_rse = _decimal("employment relative standard error, percent", 4, 1)
    employment_rse_footnote = _footnote("employment relative standard error")
    mean_rse = _decimal("mean wage relative standard error, percent", 4, 1)
    mean_rse_footnote = _footnote("mean wage relative standard error")
    jobs_per_1000 = _decimal("employment per 1,000 jobs", 7, 3)
    jobs_per_1000_footnote = _footnote("employment per 1,000 jobs")
    location_quotient = _decimal("location quotient", 6, 2)
    location_quotient_footnote = _footnote("location quotient")

    objects = WageEstimateQuerySet.as_manager()

    class Meta:
        ordering = ["area__kind", "area__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["occupation", "area"], name="wageestimate_unique_occupation_area"
            ),
        ]
        indexes = [models.Index(fields=["area", "occupation"], name="wageestimate_area_occ")]

    def __str__(self):
        return f"{self.occupation.soc_code} in {self.area}"

    def figure(self, name):
        """(value, footnote code) of one figure."""
        return getattr(self, name), getattr(self, f"{name}_footnote")

    def coinciding_percentiles(self):
        """[(value, [figure names])] for each wage that BLS publishes for two or more of the
        percentiles (10th to 90th, median included), lowest first. Top-coded wages are left
        out: "$239,200 or more" twice says nothing about the two being equal."""
        by_value = {}
        for name in WAGE_FIGURES:
            value, footnote = self.figure(name)
            if value is not None and not footnote:
                by_value.setdefault(value, []).append(name)
        return [(value, names) for value, names in sorted(by_value.items()) if len(names) > 1]


# median_top_coded, p90_not_released, ...: what templates and the API ask of each figure.
for _name in FIGURES:
    setattr(
        WageEstimate,
        f"{_name}_top_coded",
        property(lambda self, n=_name: getattr(self, f"{n}_footnote") == TOP_CODED),
    )
    setattr(
        WageEstimate,
        f"{_name}_not_released",
        property(lambda self, n=_name: getattr(self, f"{n}_footnote") == NOT_RELEASED),
    )


# BLS Occupational Outlook Handbook (OOH), 2024-34 edition: one row per page, cited to it.

HANDBOOK_PUBLISHER = "U.S. Bureau of Labor Statistics"
HANDBOOK_NAME = "Occupational Outlook Handbook"
HANDBOOK_SPAN = "2024-34"


class HandbookPage(models.Model):
    """One OOH page (an occupation or a group of them): what every figure from it cites. Its
    Quick Facts, openings and outlook phrase are the page's, so a group page's are the group's."""

    url = models.URLField("address on bls.gov", unique=True)
    title = models.CharField(max_length=200, help_text="As BLS titles the page.")
    last_modified = models.DateField(help_text="The 'Last Modified Date' the page prints.")
    visited_on = models.DateField(help_text="The visit date in the page's suggested citation.")
    file_sha256 = models.CharField(max_length=64, help_text="SHA-256 of the imported HTML.")
    entry_education = models.CharField("typical entry-level education", max_length=100)
    work_experience = models.CharField("work experience in a related occupation", max_length=100)
    on_the_job_training = models.CharField("on-the-job training", max_length=100)
    outlook_phrase = models.CharField(
        max_length=60, help_text="BLS's words for the growth, e.g. 'Much faster than average'."
    )
    openings_per_year = models.PositiveIntegerField("openings a year, on average, 2024-34")

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return f"BLS OOH: {self.title}"

    @property
    def is_group(self):
        """The page covers more than one SOC occupation (set by the projections prefetch)."""
        return len(self.projections.all()) > 1

    @property
    def how_to_become_one_url(self):
        return f"{self.url}#tab-4"


class HandbookProjection(models.Model):
    """One row of a page's "Employment projections data" table, with its Pay-tab median."""

    page = models.ForeignKey(HandbookPage, on_delete=models.CASCADE, related_name="projections")
    order = models.PositiveSmallIntegerField(help_text="0 is the page's own (group) row.")
    title = models.CharField(max_length=200, help_text="As the table names it.")
    soc_code = models.CharField(
        "SOC code", max_length=7, blank=True, help_text="Empty where the table prints a dash."
    )
    # Linked when OEWS knows the code; the code is kept either way.
    occupation = models.ForeignKey(
        Occupation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="projections",
    )
    employment_2024 = models.PositiveIntegerField("employment, 2024")
    employment_2034 = models.PositiveIntegerField("projected employment, 2034")
    change_percent = models.SmallIntegerField("change 2024-34, percent")
    change_number = models.IntegerField("change 2024-34, number")
    median_pay_2024 = models.PositiveIntegerField("median annual wage, May 2024")

    objects = HandbookProjectionQuerySet.as_manager()

    class Meta:
        ordering = ["page", "order"]
        constraints = [
            models.UniqueConstraint(fields=["page", "order"], name="handbookprojection_page_order"),
            models.UniqueConstraint(
                fields=["soc_code"],
                condition=~Q(soc_code=""),
                name="handbookprojection_unique_soc_code",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.soc_code or 'group'}), 2024-34"

    @property
    def is_page_row(self):
        """The row whose figures are the page's Quick Facts (the group's on a group page)."""
        return self.order == 0


class Quality(models.Model):
    """An important quality BLS names (names only), one row per name however spelled."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "qualities"

    def __str__(self):
        return self.name


class PageQuality(models.Model):
    page = models.ForeignKey(HandbookPage, on_delete=models.CASCADE, related_name="page_qualities")
    quality = models.ForeignKey(Quality, on_delete=models.CASCADE, related_name="page_qualities")
    order = models.PositiveSmallIntegerField()
    printed_as = models.CharField(max_length=100, help_text="The page's spelling.")

    class Meta:
        ordering = ["page", "order"]
        constraints = [
            models.UniqueConstraint(fields=["page", "quality"], name="pagequality_unique"),
        ]

    def __str__(self):
        return f"{self.quality} ({self.page.title})"


class SimilarOccupation(models.Model):
    """A row of a page's Similar Occupations tab, as printed."""

    page = models.ForeignKey(HandbookPage, on_delete=models.CASCADE, related_name="similar")
    order = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    url = models.URLField("address on bls.gov")
    entry_education = models.CharField("entry-level education", max_length=100)
    median_pay_text = models.CharField("2024 median pay as printed", max_length=60)
    median_pay_2024 = models.PositiveIntegerField("2024 median pay", null=True, blank=True)

    class Meta:
        ordering = ["page", "order"]
        constraints = [
            models.UniqueConstraint(fields=["page", "order"], name="similaroccupation_page_order"),
        ]

    def __str__(self):
        return f"{self.title} (similar to {self.page.title})"

    @property
    def how_to_become_one_url(self):
        return f"{self.url}#tab-4"
