"""Named reads on roles and salaries. Views, filters and the API call these; they never build joins.

`Role.objects.published().for_list()` is what the role list pages through, `.for_page()` what a
role's own page shows, `.search(text)` the list's word search.
"""

from django.db.models import (
    BooleanField,
    Case,
    Count,
    ExpressionWrapper,
    F,
    FilteredRelation,
    FloatField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Upper

from core.versioning import VersionedQuerySet
from official.footnotes import TOP_CODED
from official.models import AreaKind, HandbookProjection, PageQuality, WageEstimate

# A pay range is shown only when one record gives both ends.
PAY_RANGE = ("low", "high")
# The role list's page size; the API's role pages are the same size.
ROLES_PER_PAGE = 25


# Every pay bound and pay sort reads this annotation (RoleQuerySet.with_pay): the guide's stored
# median, or an area's official median, whichever basis the visitor chose.
PAY = "pay"
# True where `pay` is only a lower bound (a top-coded official median: "$239,200 or more").
PAY_OPEN_ENDED = "pay_open_ended"
OFFICIAL_MEDIAN = "bls_median"
# How many published roles show the same official figure (share the role's official
# occupation), the role included; None for a role without one (RoleQuerySet.with_shared_official).
OFFICIAL_SHARING = "official_roles_sharing"

# The role's official occupation's OOH projection (RoleQuerySet.with_outlook()): the growth
# sorts read this annotation.
GROWTH = "outlook_change_percent"

# Sort keys the role list offers (filters.SORT_CHOICES), each a total order so pages never
# overlap; roles without pay come last in both pay orders.
ORDERINGS = {
    "-pay": (F(PAY).desc(nulls_last=True), "title", "pk"),
    "pay": (F(PAY).asc(nulls_last=True), "title", "pk"),
    "title": ("title", "pk"),
    "-title": ("-title", "-pk"),
    # Projected change 2024-34 in percent; roles without a projection last in both orders.
    "-growth": (F(GROWTH).desc(nulls_last=True), "title", "pk"),
    "growth": (F(GROWTH).asc(nulls_last=True), "title", "pk"),
}
# Sorts that read with_outlook()'s annotations.
OUTLOOK_SORTS = {"-growth", "growth"}

# The row of the role's official occupation in an OOH projections table. The import links a
# row to the occupation with its SOC code, and SOC codes are unique among the rows, so the join
# finds at most one row per role.
_PROJECTION = "official_occupation__projections__"
# with_outlook()'s annotations: name -> the projection's or its page's field.
OUTLOOK_FIELDS = {
    "outlook_soc_code": "soc_code",
    "outlook_title": "title",
    "outlook_order": "order",
    "outlook_page_id": "page_id",
    "outlook_employment_2024": "employment_2024",
    "outlook_employment_2034": "employment_2034",
    GROWTH: "change_percent",
    "outlook_change_number": "change_number",
    "outlook_median_pay_2024": "median_pay_2024",
    "outlook_openings_per_year": "page__openings_per_year",
    "outlook_phrase": "page__outlook_phrase",
    "outlook_entry_education": "page__entry_education",
    "outlook_work_experience": "page__work_experience",
    "outlook_on_the_job_training": "page__on_the_job_training",
    "outlook_page_url": "page__url",
    "outlook_page_title": "page__title",
    "outlook_last_modified": "page__last_modified",
    "outlook_visited_on": "page__visited_on",
}

# How much each of a role's skills counts toward a skill match (/match/): an essential skill
# three times a helpful one, a valuable one twice.
MATCH_WEIGHTS = {1: 3, 2: 2, 3: 1}
# BLS calls its qualities "important for these workers to perform their duties": more than
# helpful, not the "must have" of essential, so they count as valuable skills do.
BLS_QUALITY_WEIGHT = MATCH_WEIGHTS[2]
# The guide names its soft skills ("extremely valuable in machine learning positions") and the
# languages to learn for machine learning roles in general (Skill.for_all_roles): every role
# shows them, so each counts for every role, as a valuable skill.
GENERAL_SKILL_WEIGHT = MATCH_WEIGHTS[2]

# Searching more words than this adds nothing a reader needs and only costs the database.
MAX_SEARCH_WORDS = 10


def salary_recency():
    """Newest first, undated last, then oldest record: the one order every pay figure is picked by.

    The stored `Role.median_pay` (SQL) and `pick_salary()` (Python, over fetched rows) both pick
    the first record in this order that has the figures, so the number shown is the one filtered
    on.
    """
    return (F("as_of").desc(nulls_last=True), "pk")


def national_estimates():
    """The prefetch behind `role.national_estimate` (RoleQuerySet.with_national_estimate()), for
    prefetch_related_objects() on roles already read with their official occupation."""
    return Prefetch(
        "official_occupation__estimates",
        queryset=WageEstimate.objects.cited().filter(area__kind=AreaKind.NATIONAL),
        to_attr="national_estimates",
    )


def salary_records(roles):
    """The prefetch behind `role.salary_records` (RoleQuerySet.with_salary_records()), for
    prefetch_related_objects() on roles already read; `roles` is any Role QuerySet."""
    return Prefetch(
        "salaries",
        queryset=related_model(roles, "salaries").objects.cited(),
        to_attr="salary_records",
    )


def related_model(queryset, relation):
    """The model at the other end of `relation`: models.py imports this module, so the QuerySets
    reach the other models through their relations instead of importing them."""
    return queryset.model._meta.get_field(relation).related_model


class CompanyQuerySet(VersionedQuerySet):
    def with_published_roles(self):
        """Each company's published roles (title order) as `published_roles`: one query for
        all the companies."""
        Role = related_model(self, "roles")
        roles = Role.objects.published().only("slug", "title").order_by("title", "pk")
        return self.prefetch_related(Prefetch("roles", roles, to_attr="published_roles"))


class RoleQuerySet(VersionedQuerySet):
    def published(self):
        return self.filter(is_published=True)

    def search(self, text):
        """Roles in which every word of `text` appears in the title, summary, description or
        the name of one of its skills, or of a skill named for every role (case-insensitively,
        as the database folds case).

        One condition per word on one stored text, `Role.search_document`
        (careers/search_document.py), upper-cased by the database as each word is, which one
        trigram index serves on PostgreSQL: a query that grows with the number of words
        instead of multiplying a subquery per word.
        """
        # A repeated word adds nothing; dict keeps the first occurrences, in order.
        words = dict.fromkeys(text.split()[:MAX_SEARCH_WORDS])
        return self.filter(*(Q(search_document__contains=Upper(Value(word))) for word in words))

    def with_pay(self, area=None):
        """Each role's pay figure as `pay`, whatever the basis: the guide's stored median, or
        with an `area`, the official median there (with_official_median()); `pay_open_ended`
        is true where that figure is only a lower bound (top-coded). What pay_between() and
        ordered_by() read."""
        if area is None:
            return self.annotate(
                **{PAY: F("median_pay"), PAY_OPEN_ENDED: Value(False, output_field=BooleanField())}
            )
        return self.with_official_median(area).annotate(
            **{PAY: F(OFFICIAL_MEDIAN), PAY_OPEN_ENDED: F(f"{OFFICIAL_MEDIAN}_top_coded")}
        )

    def pay_between(self, low=None, high=None):
        """Roles whose `pay` (with_pay()) is within the bounds; no pay meets no bound. An
        open-ended figure ("$239,200 or more") meets any lower bound up to it, and no upper
        bound: it may lie anywhere above."""
        roles = self
        if low is not None:
            roles = roles.filter(**{f"{PAY}__gte": low})
        if high is not None:
            roles = roles.filter(**{f"{PAY}__lte": high}).exclude(**{PAY_OPEN_ENDED: True})
        return roles

    def ordered_by(self, sort):
        """One of the list's sort keys (ORDERINGS; a KeyError for anything else); pay sorts read
        `pay` (with_pay()), growth sorts the outlook (with_outlook(), added here)."""
        roles = self.with_outlook() if sort in OUTLOOK_SORTS else self
        return roles.order_by(*ORDERINGS[sort])

    def with_outlook(self):
        """Each role's official occupation's OOH projection 2024-34 and its page's facts as
        `outlook_*` annotations (OUTLOOK_FIELDS; all None for a role without one), and
        `outlook_group`: the group's title when the page is a group's (its openings, phrase and
        entry requirements are then the group's), else None. One LEFT JOIN to the row and its
        page, and one subquery for the group's title: no query per role. Calling it again adds
        nothing."""
        if GROWTH in self.query.annotations:
            return self
        annotated = self.annotate(
            **{name: F(_PROJECTION + field) for name, field in OUTLOOK_FIELDS.items()}
        )
        # Row 0 is the page's own: the group's on a group page, the occupation's otherwise.
        group_row = HandbookProjection.objects.filter(page=OuterRef("outlook_page_id"), order=0)
        return annotated.annotate(
            outlook_group=Case(
                When(outlook_order__gt=0, then=Subquery(group_row.values("title")[:1])),
                default=None,
            )
        )

    def education_in(self, values):
        """Roles whose official occupation's OOH page gives one of `values` (as printed) as its
        typical entry-level education."""
        return self.with_outlook().filter(outlook_entry_education__in=list(values))

    def having_skill(self, slug):
        """Roles that need the guide's skill `slug`, or whose official occupation's OOH page
        names the important quality `slug`: one subquery each, however many roles."""
        RoleSkill = related_model(self, "role_skills")
        named = PageQuality.objects.filter(quality__slug=slug)
        return self.filter(
            Q(pk__in=RoleSkill.objects.filter(skill__slug=slug).values("role_id"))
            | Q(official_occupation__in=named.values("page__projections__occupation"))
        )

    def with_official_median(self, area):
        """Each role's official (BLS) median in `area` as `bls_median` (None where BLS
        publishes none, or the role has no official occupation), its footnote as
        `bls_median_footnote` and `bls_median_top_coded`; one LEFT JOIN, no query per role."""
        estimate = FilteredRelation(
            "official_occupation__estimates",
            condition=Q(official_occupation__estimates__area=area),
        )
        return self.select_related("official_occupation").annotate(
            bls_estimate=estimate,
            **{
                OFFICIAL_MEDIAN: F("bls_estimate__median"),
                f"{OFFICIAL_MEDIAN}_footnote": F("bls_estimate__median_footnote"),
                f"{OFFICIAL_MEDIAN}_top_coded": ExpressionWrapper(
                    Q(bls_estimate__median_footnote=TOP_CODED), output_field=BooleanField()
                ),
            },
        )

    def with_national_estimate(self):
        """Each role's official occupation (`role.official_occupation`) with its national BLS
        estimate, cited (area, release and source), as `role.national_estimate`: one query
        for all the roles, none when no role has an official occupation."""
        return self.select_related("official_occupation").prefetch_related(national_estimates())

    def with_shared_official(self):
        """Each role's `official_roles_sharing`: the published roles mapped to its official
        occupation, itself included (None without one). One subquery, no query per role."""
        sharing = (
            self.model.objects.published()
            .filter(official_occupation=OuterRef("official_occupation"))
            .order_by()
            .values("official_occupation")
            .annotate(roles=Count("pk"))
            .values("roles")
        )
        return self.annotate(**{OFFICIAL_SHARING: Subquery(sharing[:1])})

    def with_alternatives(self, national=False):
        """Each role's alternative official occupations, in order, as `role.alternatives`
        (RoleOccupation rows with their occupation, and `handbook_url`, `handbook_title`: the
        BLS Occupational Outlook Handbook page that describes it, or None); with `national`, each occupation's
        national BLS estimate, cited, as `alternative.national_estimate`. One query for all
        the roles, and one more for the estimates."""
        alternatives = related_model(self, "alternative_occupations")
        # BLS's page describing the occupation (its "What they do"), where one is imported.
        page = HandbookProjection.objects.filter(soc_code=OuterRef("occupation__soc_code"))
        page = page.order_by("-order").values("page__url", "page__title")[:1]
        lookups = [
            Prefetch(
                "alternative_occupations",
                queryset=alternatives.objects.select_related("occupation").annotate(
                    handbook_url=Subquery(page.values("page__url")),
                    handbook_title=Subquery(page.values("page__title")),
                ),
                to_attr="alternatives",
            )
        ]
        if national:
            lookups.append(
                Prefetch(
                    "alternatives__occupation__estimates",
                    queryset=WageEstimate.objects.cited().filter(area__kind=AreaKind.NATIONAL),
                    to_attr="national_estimates",
                )
            )
        return self.prefetch_related(*lookups)

    def with_salary_records(self):
        """Every pay record of each role with its source, newest first, as
        `role.salary_records`: what `role.median_salary` and `role.range_salary` pick from."""
        return self.prefetch_related(salary_records(self))

    def with_cited_median(self):
        """Each role's pay records with a median, newest first, as `role.median_salaries`: the
        first (if any) is the figure to show and cite."""
        return self.prefetch_related(
            Prefetch(
                "salaries",
                queryset=related_model(self, "salaries")
                .objects.cited()
                .filter(median__isnull=False),
                to_attr="median_salaries",
            )
        )

    def for_list(self):
        """What a row of the role list shows: stage, skill names, and every pay record (newest
        first, as `role.salary_records`) so the median and the range can each be cited."""
        RoleSkill = related_model(self, "role_skills")
        return (
            self.select_related("stage")
            .defer("description", "search_document")
            .prefetch_related(
                Prefetch(
                    "role_skills",
                    queryset=RoleSkill.objects.select_related("skill").only(
                        "role_id", "importance", "skill__slug", "skill__name", "skill__order"
                    ),
                    to_attr="listed_skills",
                ),
            )
            .with_salary_records()
            .with_shared_official()
        )

    # What an editor still has to fill in (the admin's to-do page and role filters).
    def without_pay(self):
        return self.filter(salaries__isnull=True)

    def without_description(self):
        return self.filter(description="")

    def without_skills(self):
        return self.filter(role_skills__isnull=True)

    def for_export(self):
        """What the CSV export and the API show of each role: `for_list()`'s records (each
        skill's slug included) and the official outlook (with_outlook())."""
        return self.for_list().with_outlook()

    def matching_skills(self, slugs):
        """Roles that need at least one of the skills `slugs`, best covered first: the guide's
        skills of the role, the important qualities BLS names for its official occupation
        (Quality slugs), each weighted like a valuable skill (BLS_QUALITY_WEIGHT), and the
        skills the guide names for every role (GENERAL_SKILL_WEIGHT), as /skills/ counts them.

        Each role gets `covered_weight` (the weights of its skills and qualities among
        `slugs`), `total_weight` (of all of them) and `coverage` (their ratio, 0 to 1); ties
        are broken by pay (highest first, no pay last), then title. Each source is summed in
        its own subquery, so neither multiplies the other's rows.
        """
        RoleSkill = related_model(self, "role_skills")
        slugs = list(slugs)
        weight = Case(
            *[When(importance=key, then=Value(w)) for key, w in MATCH_WEIGHTS.items()],
            default=Value(1),
        )

        def guide(rows):
            return Coalesce(
                Subquery(
                    rows.filter(role=OuterRef("pk"))
                    .values("role")
                    .annotate(total=Sum(weight))
                    .values("total")[:1]
                ),
                0,
            )

        def bls(rows):
            return Coalesce(
                Subquery(
                    rows.filter(page__projections__occupation=OuterRef("official_occupation"))
                    .values("page__projections__occupation")
                    .annotate(total=Count("pk") * BLS_QUALITY_WEIGHT)
                    .values("total")[:1]
                ),
                0,
            )

        Skill = RoleSkill._meta.get_field("skill").related_model

        def general(rows):
            # The same for every role: one scalar subquery, not a row per role.
            return Coalesce(
                Subquery(
                    rows.filter(for_all_roles=True)
                    .order_by()
                    .values("for_all_roles")
                    .annotate(total=Count("pk") * GENERAL_SKILL_WEIGHT)
                    .values("total")[:1]
                ),
                0,
            )

        return (
            self.with_pay()
            .annotate(
                covered_weight=guide(RoleSkill.objects.filter(skill__slug__in=slugs))
                + bls(PageQuality.objects.filter(quality__slug__in=slugs))
                + general(Skill.objects.filter(slug__in=slugs)),
                total_weight=guide(RoleSkill.objects.all())
                + bls(PageQuality.objects.all())
                + general(Skill.objects.all()),
            )
            .filter(covered_weight__gt=0)
            .annotate(
                coverage=Cast("covered_weight", FloatField()) / Cast("total_weight", FloatField())
            )
            .order_by(F("coverage").desc(), *ORDERINGS["-pay"])
        )

    def for_compare(self):
        """Everything /compare/ shows of each role: stage, skills, every pay record, next
        steps and companies hiring, each list in one query for all the roles."""
        RoleSkill = related_model(self, "role_skills")
        Company = related_model(self, "hiring_companies")
        return (
            self.select_related("stage")
            .with_salary_records()
            .with_shared_official()
            .prefetch_related(
                Prefetch(
                    "role_skills",
                    queryset=RoleSkill.objects.select_related("skill"),
                    to_attr="listed_skills",
                ),
                Prefetch(
                    "next_roles",
                    queryset=self.model.objects.published()
                    .only("slug", "title")
                    .order_by("title", "pk"),
                    to_attr="published_next_roles",
                ),
                Prefetch(
                    "hiring_companies",
                    queryset=Company.objects.order_by("name", "pk"),
                    to_attr="companies_hiring",
                ),
            )
        )

    def refresh_median_pay(self):
        """Recompute the stored median_pay of these roles from their salaries, in one UPDATE."""
        return self.update(median_pay=related_model(self, "salaries").objects.newest_median())


class SalaryQuerySet(VersionedQuerySet):
    def cited(self):
        """Pay records with their sources, newest first: what every page cites a figure from."""
        return self.select_related("source").order_by(*salary_recency())

    def newest_median(self):
        """The median of the outer role's newest salary that gives one (what Role.median_pay
        stores), as a subquery for a Role annotation or update."""
        return Subquery(
            self.filter(role=OuterRef("pk"), median__isnull=False)
            .order_by(*salary_recency())
            .values("median")[:1]
        )


def pick_salary(salaries, *figures):
    """The first record (in `salary_recency()` order) that has every one of `figures`, or None.

    `salaries` must be the role's salaries in `salary_recency()` order, as `for_list()` and
    the role page give them; for "median" this is the record behind `median_pay`. A range
    (`*PAY_RANGE`) needs both ends in one record, so it is never one source's low beside
    another's high.
    """
    for salary in salaries:
        if all(getattr(salary, figure) is not None for figure in figures):
            return salary
    return None
