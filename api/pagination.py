from rest_framework.pagination import PageNumberPagination

from careers.views.roles import RoleListView


class RolePagination(PageNumberPagination):
    """The role list's pages: same size, same `page` parameter."""

    page_size = RoleListView.paginate_by
