"""Cited, dated figures: the as-of date every salary and outlook figure carries."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.dateformat import format as date_format

from core.models import SluggedModel

__all__ = [
    "AsOfMixin",
    "AsOfPrecision",
    "SluggedModel",
    "as_of_range_constraint",
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


def months_before(day, months):
    """The same day of the month `months` earlier, or that month's last day if it is shorter
    (31 March less one month is 28 or 29 February)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    next_month = datetime.date(year + month // 12, month % 12 + 1, 1)
    last_day = (next_month - datetime.timedelta(days=1)).day
    return datetime.date(year, month, min(day.day, last_day))


def stale_cutoff(today=None):
    """Figures dated before this day are more than CAREERGUIDE_STALE_AFTER_MONTHS old.

    The age counts from the as-of date as stored: the first day of the month (or year) the
    source names, so "February 2025" is more than twelve months old from 2 February 2026.
    """
    today = today or timezone.localdate()
    return months_before(today, settings.CAREERGUIDE_STALE_AFTER_MONTHS)


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
        return self.as_of is not None and self.as_of < stale_cutoff()

    @property
    def as_of_display(self):
        if self.as_of is None:
            return ""
        pattern = "Y" if self.as_of_precision == AsOfPrecision.YEAR else "F Y"
        return date_format(self.as_of, pattern)
