"""Named reads on roles and salaries. Views, filters and the API call these; they never build joins.

`Role.objects.published().for_list()` is what the role list pages through, `.for_page()` what a
role's own page shows, `.search(text)` the list's word search.
"""

from django.db import models
from django.db.models import (
    BooleanField,
    Case,
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
from django.db.models.functions import Cast, Upper

from .median_pay import refresh_on_commit

# A pay range is shown only when one record gives both ends.
PAY_RANGE = ("low", "high")


# Sort keys the role list offers (filters.SORT_CHOICES), each a total order so pages never
# overlap; roles without pay come last in both pay orders.
def orderings(pay):
    """Each sort key's order with `pay` as the pay figure (the guide's stored median, or an
    official one annotated by with_official_median())."""
    return {
        "-pay": (F(pay).desc(nulls_last=True), "title", "pk"),
        "pay": (F(pay).asc(nulls_last=True), "title", "pk"),
        "title": ("title", "pk"),
        "-title": ("-title", "-pk"),
    }


ORDERINGS = orderings("median_pay")
OFFICIAL_MEDIAN = "bls_median"
OFFICIAL_ORDERINGS = orderings(OFFICIAL_MEDIAN)
# BLS footnote code of a top-coded wage (official.models.TOP_CODED; careers does not import it).
TOP_CODED = "5"

# How much each of a role's skills counts toward a skill match (/match/): an essential skill
# three times a helpful one, a valuable one twice.
MATCH_WEIGHTS = {1: 3, 2: 2, 3: 1}

# Searching more words than this adds nothing a reader needs and only costs the database.
MAX_SEARCH_WORDS = 10


def salary_recency():
    """Newest first, undated last, then oldest record: the one order every pay figure is picked by.

    The stored `Role.median_pay` (SQL) and `pick_salary()` (Python, over fetched rows) both pick
    the first record in this order that has the figures, so the number shown is the one filtered
    on.
    """
    return (F("as_of").desc(nulls_last=True), "pk")


def newest_median():
    """The median of the outer role's newest salary that gives one (what Role.median_pay stores)."""
    from .models import Salary

    return Subquery(
        Salary.objects.filter(role=OuterRef("pk"), median__isnull=False)
        .order_by(*salary_recency())
        .values("median")[:1]
    )


def cited_salaries():
    """Pay records with their sources, newest first: what every page cites a figure from."""
    from .models import Salary

    return Salary.objects.select_related("source").order_by(*salary_recency())


class RoleQuerySet(models.QuerySet):
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

    def ordered_by(self, sort):
        """One of the list's sort keys (ORDERINGS); a KeyError for anything else. Pay sorts use
        the official median where with_official_median() annotated it."""
        official = OFFICIAL_MEDIAN in self.query.annotations
        return self.order_by(*(OFFICIAL_ORDERINGS if official else ORDERINGS)[sort])

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

    def official_pay_between(self, low=None, high=None):
        """Roles whose annotated official median is within the bounds. A top-coded median
        ("$239,200 or more") meets any lower bound up to BLS's top code, and no upper bound:
        it may lie anywhere above."""
        roles = self
        if low is not None:
            roles = roles.filter(**{f"{OFFICIAL_MEDIAN}__gte": low})
        if high is not None:
            roles = roles.filter(**{f"{OFFICIAL_MEDIAN}__lte": high}).exclude(
                **{f"{OFFICIAL_MEDIAN}_top_coded": True}
            )
        return roles

    def with_cited_median(self):
        """Each role's pay records with a median, newest first, as `role.median_salaries`: the
        first (if any) is the figure to show and cite."""
        return self.prefetch_related(
            Prefetch(
                "salaries",
                queryset=cited_salaries().filter(median__isnull=False),
                to_attr="median_salaries",
            )
        )

    def for_list(self):
        """What a row of the role list shows: stage, skill names, and every pay record (newest
        first, as `role.salary_records`) so the median and the range can each be cited."""
        from .models import RoleSkill

        return (
            self.select_related("stage")
            .defer("description")
            .prefetch_related(
                Prefetch(
                    "role_skills",
                    queryset=RoleSkill.objects.select_related("skill").only(
                        "role_id", "importance", "skill__slug", "skill__name", "skill__order"
                    ),
                    to_attr="listed_skills",
                ),
                Prefetch("salaries", queryset=cited_salaries(), to_attr="salary_records"),
            )
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
        skill's slug included)."""
        return self.for_list()

    def matching_skills(self, slugs):
        """Roles that need at least one of the skills `slugs`, best covered first.

        Each role gets `covered_weight` (the weights of its skills among `slugs`),
        `total_weight` (of all its skills) and `coverage` (their ratio, 0 to 1); ties are
        broken by pay (highest first, no pay last), then title.
        """
        weight = Case(
            *[When(role_skills__importance=key, then=Value(w)) for key, w in MATCH_WEIGHTS.items()],
            default=Value(1),
        )
        return (
            self.annotate(
                covered_weight=Sum(weight, filter=Q(role_skills__skill__slug__in=list(slugs))),
                total_weight=Sum(weight),
            )
            .filter(covered_weight__gt=0)
            .annotate(
                coverage=Cast("covered_weight", FloatField()) / Cast("total_weight", FloatField())
            )
            .order_by(F("coverage").desc(), F("median_pay").desc(nulls_last=True), "title", "pk")
        )

    def for_compare(self):
        """Everything /compare/ shows of each role: stage, skills, every pay record, next
        steps and companies hiring, each list in one query for all the roles."""
        from .models import Company, RoleSkill

        return self.select_related("stage").prefetch_related(
            Prefetch(
                "role_skills",
                queryset=RoleSkill.objects.select_related("skill"),
                to_attr="listed_skills",
            ),
            Prefetch("salaries", queryset=cited_salaries(), to_attr="salary_records"),
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

    def refresh_median_pay(self):
        """Recompute the stored median_pay of these roles from their salaries, in one UPDATE."""
        return self.update(median_pay=newest_median())


class SalaryQuerySet(models.QuerySet):
    """Bulk writes send no signals, so they schedule their roles' median refresh themselves."""

    def bulk_create(self, objs, *args, **kwargs):
        created = super().bulk_create(objs, *args, **kwargs)
        refresh_on_commit(salary.role_id for salary in created)
        return created

    def update(self, **kwargs):
        # bulk_update() comes through here too, with the new role ids as a Case expression:
        # where a role may change, the roles are read again after the update.
        moves = "role" in kwargs or "role_id" in kwargs
        pks = list(self.values_list("pk", flat=True)) if moves else None
        role_ids = set(self.values_list("role_id", flat=True))
        updated = super().update(**kwargs)
        if moves:
            role_ids |= set(
                self.model._base_manager.filter(pk__in=pks).values_list("role_id", flat=True)
            )
        refresh_on_commit(role_ids)
        return updated


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
