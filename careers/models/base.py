"""Pieces every content model shares: slug natural keys and cited, dated figures."""

from django.db import models
from django.utils.dateformat import format as date_format


class SlugManager(models.Manager):
    """Fixtures refer to rows by slug, so they load in any order into any database."""

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class SluggedModel(models.Model):
    slug = models.SlugField(
        max_length=120,
        unique=True,
        help_text="Short web address for this item, lower-case words joined by hyphens. "
        "Filled in from the name; change it only if you must, as it breaks old links.",
    )

    objects = SlugManager()

    class Meta:
        abstract = True

    def __str__(self):
        return getattr(self, "name", None) or getattr(self, "title", None) or self.slug

    def natural_key(self):
        return (self.slug,)


class AsOfPrecision(models.TextChoices):
    MONTH = "month", "Month"
    YEAR = "year", "Year"


class AsOfMixin(models.Model):
    """An as-of date as precise as the source states it ("February 2025", or "2023")."""

    as_of = models.DateField(
        null=True,
        blank=True,
        help_text="When the figure was true. Use the first day of the month (or year) the source "
        "names. Leave empty if the source gives no date; the site then says so.",
    )
    as_of_precision = models.CharField(
        max_length=5,
        choices=AsOfPrecision.choices,
        default=AsOfPrecision.MONTH,
        help_text="How precise the source's date is: a month (February 2025) or only a year.",
    )

    class Meta:
        abstract = True

    @property
    def as_of_display(self):
        if self.as_of is None:
            return ""
        pattern = "Y" if self.as_of_precision == AsOfPrecision.YEAR else "F Y"
        return date_format(self.as_of, pattern)
