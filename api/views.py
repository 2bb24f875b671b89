"""Read-only endpoints over the same named QuerySets and the same RoleFilter as the pages.

`/api/v1/roles/` takes the role list's query string (q, basis, area, pay_min, pay_max, skill,
stage, company, sort, page) through DjangoFilterBackend (api.filters.RoleFilterBackend) and
RoleFilter, so it lists exactly the roles the list does; invalid filters are a 400 with each
field's message. `/api/v1/faq/` takes the FAQ page's `q` through FaqFilter.
"""

from types import SimpleNamespace

from django.db.models import Prefetch
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import viewsets
from rest_framework.pagination import PageNumberPagination

from careers.filters import RoleFilter
from careers.models import Company, Role, Skill
from careers.official_outlook import role_outlook
from careers.querysets import PAY_RANGE, pick_salary
from careers.selectors import official_release
from faq.filters import FaqFilter
from faq.models import FaqEntry
from official.models import FIGURES, WageEstimate

from . import serializers
from .filters import RoleFilterBackend
from .pagination import RolePagination


class ListPagination(PageNumberPagination):
    """Skills, companies and FAQ entries: short lists, in pages big enough to be one."""

    page_size = 100


def cite_pay(roles):
    """The median and the range each role shows, picked from its records as the list picks them."""
    for role in roles:
        role.median_salary = pick_salary(role.salary_records, "median")
        role.range_salary = pick_salary(role.salary_records, *PAY_RANGE)
    return roles


def official_median(role, area, release):
    """The official median a listed role carries (annotated by with_official_median), or None."""
    if area is None or release is None or role.official_occupation_id is None:
        return None
    return SimpleNamespace(
        area=area,
        occupation=role.official_occupation,
        match=role.official_match,
        median=role.bls_median,
        top_coded=bool(role.bls_median_top_coded),  # NULL where the area has no estimate
        footnote=role.bls_median_footnote or "",
        release=release,
    )


def official_outlook(role):
    """The role's OOH projection and way in (five queries), or None."""
    found = role_outlook(role)["handbook"]
    if found is None:
        return None
    return SimpleNamespace(
        span="2024-34",
        projection=found.projection,
        page=found.page,
        page_row=SimpleNamespace(title=found.page_row.title if found.group_name else None),
        important_qualities=[listed.quality.name for listed in found.qualities],
    )


def official_national(role):
    """Every national BLS figure of the role's occupation (one query), or None."""
    if role.official_occupation_id is None:
        return None
    estimate = (
        WageEstimate.objects.cited()
        .filter(occupation_id=role.official_occupation_id, area__kind="N")
        .first()
    )
    if estimate is None:
        return None
    return SimpleNamespace(
        area=estimate.area,
        occupation=role.official_occupation,
        match=role.official_match,
        release=estimate.release,
        footnotes={
            name: getattr(estimate, f"{name}_footnote")
            for name in FIGURES
            if getattr(estimate, f"{name}_footnote")
        },
        **{name: getattr(estimate, name) for name in FIGURES},
    )


class RoleViewSet(viewsets.ReadOnlyModelViewSet):
    """Published roles: the role list's filters and order, 25 a page, each with the official
    (BLS) median for `area` (default US); one role by its slug, with every national BLS
    figure."""

    lookup_field = "slug"
    filter_backends = [RoleFilterBackend]
    filterset_class = RoleFilter
    pagination_class = RolePagination
    official_area = None

    def get_queryset(self):
        published = Role.objects.published()
        if self.action != "retrieve":
            return published.for_export()
        return published.select_related("description_source", "official_occupation").for_compare()

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.RoleDetailSerializer
        return serializers.RoleSerializer

    def filter_queryset(self, queryset):
        # One role by slug is not narrowed by the list's filters (nor does it read their choices).
        if self.action == "retrieve":
            return queryset
        return super().filter_queryset(queryset)

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        if page is None:
            return None
        release = official_release() if self.official_area is not None else None
        for role in page:
            role.official_median = official_median(role, self.official_area, release)
        return cite_pay(page)

    def get_object(self):
        role = cite_pay([super().get_object()])[0]
        role.official_national = official_national(role)
        role.official_outlook = official_outlook(role)
        return role


class SkillViewSet(viewsets.ReadOnlyModelViewSet):
    """Every skill the guide names, technical then soft, with where it is listed."""

    lookup_field = "slug"
    queryset = Skill.objects.select_related("source").order_by("kind", "order", "name")
    serializer_class = serializers.SkillSerializer
    pagination_class = ListPagination


class CompanyViewSet(viewsets.ReadOnlyModelViewSet):
    """Companies the guide names as hiring machine learning professionals."""

    lookup_field = "slug"
    queryset = Company.objects.order_by("name", "pk")
    serializer_class = serializers.CompanySerializer
    pagination_class = ListPagination


class FaqEntryViewSet(viewsets.ReadOnlyModelViewSet):
    """The FAQ's published questions and answers, as the FAQ page orders them; `q` searches
    them as the FAQ page does."""

    lookup_field = "slug"
    filter_backends = [DjangoFilterBackend]
    filterset_class = FaqFilter
    serializer_class = serializers.FaqEntrySerializer
    pagination_class = ListPagination

    def get_queryset(self):
        return (
            FaqEntry.objects.published()
            .select_related("source")
            .prefetch_related(
                Prefetch(
                    "related_roles",
                    queryset=Role.objects.published().only("slug", "title").order_by("title"),
                    to_attr="published_roles",
                )
            )
            .order_by("topic", "order", "pk")
        )
