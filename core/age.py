"""The site's one age rule, and the date line each section of a page opens with.

Every dated figure, whoever publishes it (the guide and the sources it quotes, BLS's wage
estimates, the Occupational Outlook Handbook), is "old" by the same test: its date is more than
CAREERGUIDE_STALE_AFTER_MONTHS before today. Today is `timezone.localdate()`, read at each call
(tests fix it there, or pass `today`).
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone


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

    The age counts from the date as stored: for a month (or year) the first day of it, so
    "February 2025" is more than twelve months old from 2 February 2026.
    """
    today = today or timezone.localdate()
    return months_before(today, settings.CAREERGUIDE_STALE_AFTER_MONTHS)


def is_old(day, today=None):
    """The one rule. An undated figure is not "old": it is undated, and says so."""
    return day is not None and day < stale_cutoff(today)


def age_words(months=None):
    """12 -> "a year", 24 -> "2 years", 18 -> "18 months"."""
    months = settings.CAREERGUIDE_STALE_AFTER_MONTHS if months is None else months
    if months % 12:
        return f"{months} months"
    years = months // 12
    return "a year" if years == 1 else f"{years} years"


@dataclass(frozen=True)
class Dated:
    """One source's date in a section: who ("Guide's figures", "BLS"), its date as the source
    states it ("February 2025", "page last modified 28 August 2025"; "" when it states none),
    and the day the age rule counts from."""

    label: str
    when: str
    day: datetime.date | None

    @property
    def old(self):
        return is_old(self.day)

    def matches(self, other):
        return self.label == other.label and self.day == other.day and self.when == other.when


class DateLine:
    """Where a section's figures come from and when, said once: "Guide's figures: February
    2025 · BLS: May 2025 · both more than a year old".

    Give it every dated figure of the section (as `Dated`, in the order the section shows
    them). Each source gets the date most of its figures have (ties: the first shown); a figure
    whose date is another one is `differs()`, and only such a figure carries a mark.
    """

    def __init__(self, dated):
        dated = [item for item in dated if item is not None]
        counts = {}
        for item in dated:
            key = (item.label, item.day, item.when)
            counts[key] = counts.get(key, 0) + 1
        chosen = {}
        for item in dated:
            best = chosen.get(item.label)
            if (
                best is None
                or counts[(item.label, item.day, item.when)]
                > counts[(best.label, best.day, best.when)]
            ):
                chosen[item.label] = item
        self.entries = list(chosen.values())

    def __bool__(self):
        return bool(self.entries)

    def differs(self, item):
        """True when `item` is not its source's date on this line (or its source is not on it)."""
        if item is None:
            return False
        return not any(entry.matches(item) for entry in self.entries)

    @property
    def old_words(self):
        return f"more than {age_words()} old"

    @property
    def age(self):
        """ "more than a year old" (one source), "both ..." or "all ..." when every source's
        date is old; "" otherwise, and the line then marks each old date itself."""
        count = len(self.entries)
        if not count or not all(entry.old for entry in self.entries):
            return ""
        if count == 1:
            return self.old_words
        return f"{'both' if count == 2 else 'all'} {self.old_words}"
