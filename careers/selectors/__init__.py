"""Reads that span several models, for the pages that are read most (see sql.py for why SQL)."""

from .role_list import filter_choices, role_rows
from .role_page import RolePage, role_page
from .role_search import ORDER_BY, RoleSearch

__all__ = ["ORDER_BY", "RolePage", "RoleSearch", "filter_choices", "role_page", "role_rows"]
