"""Cited, dated figures: the as-of date every salary and outlook figure carries."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.dateformat import format as date_format

from core.age import is_old, months_before, stale_cutoff
from core.models import SluggedModel

__all__ = [
    "AsOfMixin",
    "AsOfPrecision",
    "SluggedModel",
    "as_of_range_constraint",
    "months_before",
    "stale_cutoff",
    "validate_as_of",
]


class AsOfPrecision(models.TextChoices):
    MONTH = "month", "Month"
    YEAR = "year", "Year"


EARLIEST_AS_OF = datetime.date(1900, 1, 1)


def validate_as_of(value):
    """A figure's as-of date is in the past: a future or ancient date is a typo."""
    if value < EARLIEST_AS_OF:
        raise ValidationError("The as-of date cannot be before 1900.", code="as_of_too_early")
    if value > timezone.localdate():
        raise ValidationError("The as-of date cannot be in the future.", code="as_of_in_future")


def as_of_range_constraint(model_name):
    """The database's guard against absurd dates (the form also refuses future ones)."""
    return models.CheckConstraint(
        condition=models.Q(as_of__isnull=True)
        | models.Q(as_of__gte=EARLIEST_AS_OF, as_of__lte=datetime.date(2100, 12, 31)),
        name=f"{model_name}_as_of_in_range",
        violation_error_message="The as-of date must be between 1900 and today.",
    )


class AsOfMixin(models.Model):
    """An as-of date as precise as the source states it ("February 2025", or "2023")."""

    as_of = models.DateField(
        null=True,
        blank=True,
        validators=[validate_as_of],
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
    def is_stale(self):
        """More than CAREERGUIDE_STALE_AFTER_MONTHS old; an undated figure is not "old", it
        is undated (editors see those listed on their own)."""
        return is_old(self.as_of)

    @property
    def as_of_display(self):
        if self.as_of is None:
            return ""
        pattern = "Y" if self.as_of_precision == AsOfPrecision.YEAR else "F Y"
        return date_format(self.as_of, pattern)
