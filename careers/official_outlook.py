"""A role's figures from the BLS Occupational Outlook Handbook, for its page: the projection of
its official occupation, the way in, qualities and similar occupations, each from one OOH page."""

from dataclasses import dataclass

from django.db.models import Count, F, Prefetch, Q

from core.age import is_old
from official.forms import OUTLOOK_COLUMNS, OUTLOOK_TEXT_COLUMNS
from official.models import HandbookPage, HandbookProjection, PageQuality, Quality
from official.outlook_charts import change_bars, employment_bars
from official.selectors import sort_headers

from .dates import handbook_dated, section_dates
from .models import Role


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
        return is_old(self.page.last_modified)


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


def outlook_table(sort):
    """/outlook/'s projections: every occupation's own row in `sort` order, each with the
    published roles mapped to it (`site_roles`); three queries, none for roles when there are
    no projections."""
    projections = list(HandbookProjection.objects.occupations().cited().ordered_by(sort))
    by_code = {}
    if projections:
        roles = (
            Role.objects.published()
            .filter(official_occupation__soc_code__in=[p.soc_code for p in projections])
            .select_related("official_occupation")
            .only("slug", "title", "official_occupation__soc_code")
            .order_by("title", "pk")
        )
        for role in roles:
            by_code.setdefault(role.official_occupation.soc_code, []).append(role)
    for projection in projections:
        projection.site_roles = by_code.get(projection.soc_code, [])
    dates = sorted({p.page.last_modified for p in projections})
    return {
        "projections": projections,
        "outlook_chart": change_bars(projections) if projections else None,
        "outlook_headers": sort_headers(sort, OUTLOOK_COLUMNS, OUTLOOK_TEXT_COLUMNS),
        "outlook_dates": dates,
        "outlook_section_dates": section_dates([handbook_dated(day) for day in dates]),
    }


def role_qualities(roles):
    """{role id: [PageQuality with `page_title`, `page_url`, `page_last_modified`]}: the
    qualities BLS names for each role's official occupation, in its page's order. One query
    whenever there are roles (so a page's count does not depend on which roles it shows)."""
    found = {}
    if not roles:
        return found
    rows = (
        PageQuality.objects.filter(
            page__projections__occupation__roles__in=[role.pk for role in roles]
        )
        .select_related("quality")
        .annotate(
            role_id=F("page__projections__occupation__roles"),
            page_title=F("page__title"),
            page_url=F("page__url"),
            page_last_modified=F("page__last_modified"),
        )
        .order_by("page", "order")
    )
    for row in rows:
        found.setdefault(row.role_id, []).append(row)
    return found


def bls_qualities():
    """/skills/'s group of BLS's important qualities: each with `role_count` (published roles
    whose official occupation's page names it) and its pages (`listed`): two queries."""
    return list(
        Quality.objects.annotate(
            role_count=Count(
                "page_qualities__page__projections__occupation__roles",
                filter=Q(page_qualities__page__projections__occupation__roles__is_published=True),
                distinct=True,
            )
        )
        .prefetch_related(
            Prefetch(
                "page_qualities",
                queryset=PageQuality.objects.select_related("page").order_by("page__title"),
                to_attr="listed",
            )
        )
        .order_by("name")
    )


def role_projections(roles):
    """Sets `role.handbook` on each role: its official occupation's OOH projection (with its
    page, `on_group_page` and `group_title`) or None. One query whenever there are roles."""
    codes = [role.official_occupation.soc_code for role in roles if role.official_occupation]
    found = {}
    if roles:
        # An unknown code keeps the query (and the page's count) the same for every choice.
        rows = HandbookProjection.objects.occupations().cited().filter(soc_code__in=codes or [""])
        found = {row.soc_code: row for row in rows}
    for role in roles:
        occupation = role.official_occupation
        role.handbook = found.get(occupation.soc_code) if occupation else None
