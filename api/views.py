"""Read-only endpoints over the same named QuerySets and the same RoleFilter as the pages.

`/api/v1/roles/` takes the role list's query string (q, basis, area, pay_min, pay_max, skill,
stage, company, education, sort, page) through DjangoFilterBackend (api.filters.RoleFilterBackend) and
RoleFilter, so it lists exactly the roles the list does; invalid filters are a 400 with each
field's message. `/api/v1/faq/` takes the FAQ page's `q` through FaqFilter.
"""

from types import SimpleNamespace

from django.db.models import Prefetch
from django_filters import utils
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import viewsets
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from careers.filters import RoleFilter
from careers.models import Company, Role, Skill
from careers.official_outlook import role_outlook
from careers.selectors import official_release
from faq.filters import FaqFilter
from faq.models import FaqEntry

from . import serializers
from .filters import RoleFilterBackend
from .pagination import RolePagination


class ListPagination(PageNumberPagination):
    """Skills, companies and FAQ entries: short lists, in pages big enough to be one."""

    page_size = 100


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


class RoleViewSet(viewsets.ReadOnlyModelViewSet):
    """Published roles: the role list's filters and order, 25 a page, each with the official
    (BLS) median for `area` (default US) and its official occupation's OOH outlook 2024-34;
    one role by its slug, with every national BLS figure."""

    lookup_field = "slug"
    filter_backends = [RoleFilterBackend]
    filterset_class = RoleFilter
    pagination_class = RolePagination

    def get_queryset(self):
        published = Role.objects.published()
        if self.action != "retrieve":
            return published.for_export()
        return published.select_related("description_source").for_compare().with_national_estimate()

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.RoleDetailSerializer
        return serializers.RoleSerializer

    def filter_queryset(self, queryset):
        # One role by slug is not narrowed by the list's filters (nor does it read their choices).
        if self.action == "retrieve":
            return queryset
        return super().filter_queryset(queryset)

    def list(self, request, *args, **kwargs):
        # A page of the roles RoleFilter finds; the serializers learn the chosen area (and the
        # release its figures cite) from their context.
        filterset = RoleFilterBackend().get_filterset(request, self.get_queryset(), self)
        if not filterset.is_valid():
            raise utils.translate_validation(filterset.errors)
        page = self.paginate_queryset(filterset.qs)
        area = filterset.chosen_area
        context = {
            **self.get_serializer_context(),
            "official_area": area,
            "official_release": official_release() if area is not None else None,
        }
        serializer = self.get_serializer(page, many=True, context=context)
        return self.get_paginated_response(serializer.data)

    def retrieve(self, request, *args, **kwargs):
        # The serializer learns the role's OOH outlook from its context, like the list's area.
        role = self.get_object()
        context = {**self.get_serializer_context(), "official_outlook": official_outlook(role)}
        return Response(self.get_serializer(role, context=context).data)


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
