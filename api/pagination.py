from rest_framework.pagination import PageNumberPagination

from careers.querysets import ROLES_PER_PAGE


class RolePagination(PageNumberPagination):
    """The role list's pages: same size, same `page` parameter."""

    page_size = ROLES_PER_PAGE
