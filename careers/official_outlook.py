"""A role's figures from the BLS Occupational Outlook Handbook, for its page: the projection of
its official occupation, the way in, qualities and similar occupations, each from one OOH page."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.dateformat import format as date_format

from official.models import HandbookPage, HandbookProjection
from official.outlook_charts import employment_bars

from .formatting import age_words
from .models.base import stale_cutoff


@dataclass
class RoleOutlook:
    projection: HandbookProjection  # the occupation's own row
    page: HandbookPage  # what every figure cites
    page_row: HandbookProjection  # the page's row: the group's on a group page
    qualities: list
    similar: list
    chart: dict

    @property
    def group_name(self):
        """Lower-case name of the group whose figures the page's facts are, or "" when the
        page is the occupation's own."""
        if self.page_row.pk == self.projection.pk:
            return ""
        return self.page_row.title[:1].lower() + self.page_row.title[1:]

    @property
    def is_stale(self):
        """The site's one age rule, counted from the page's last-modified date."""
        return self.page.last_modified < stale_cutoff()

    @property
    def stale_text(self):
        if not self.is_stale:
            return ""
        age = age_words(settings.CAREERGUIDE_STALE_AFTER_MONTHS)
        return f"From {date_format(self.page.last_modified, 'F Y')}, more than {age} ago."


def role_outlook(role):
    """{"handbook": RoleOutlook or None}; no query for a role without an official occupation,
    five for one with."""
    if role.official_occupation_id is None:
        return {"handbook": None}
    projection = HandbookProjection.objects.for_occupation(role.official_occupation).first()
    if projection is None:
        return {"handbook": None}
    page = projection.page
    rows = list(page.projections.all())
    return {
        "handbook": RoleOutlook(
            projection=projection,
            page=page,
            page_row=rows[0],
            qualities=list(page.page_qualities.all()),
            similar=list(page.similar.all()),
            chart=employment_bars(projection),
        )
    }
