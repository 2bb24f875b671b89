"""Read-only endpoints over the same named QuerySets and the same RoleFilter as the pages.

`/api/v1/roles/` takes the role list's query string (q, pay_min, pay_max, skill, stage,
company, sort, page) through DjangoFilterBackend and RoleFilter, so it lists exactly the roles
the list does; invalid filters are a 400 with each field's message.
"""

from django.db.models import Prefetch
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import viewsets
from rest_framework.pagination import PageNumberPagination

from careers.filters import RoleFilter
from careers.models import Company, Role, Skill
from careers.querysets import PAY_RANGE, pick_salary
from faq.filters import FaqFilter
from faq.models import FaqEntry

from . import serializers
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


class RoleViewSet(viewsets.ReadOnlyModelViewSet):
    """Published roles: the role list's filters and order, 25 a page; one role by its slug."""

    lookup_field = "slug"
    filter_backends = [DjangoFilterBackend]
    filterset_class = RoleFilter
    pagination_class = RolePagination

    def get_queryset(self):
        published = Role.objects.published()
        if self.action != "retrieve":
            return published.for_export()
        return published.select_related("description_source").for_compare()

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
        return cite_pay(page) if page is not None else None

    def get_object(self):
        return cite_pay([super().get_object()])[0]


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
