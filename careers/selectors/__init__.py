"""Reads that span several models, for the pages that are read most (see sql.py for why SQL)."""

from .role_list import filter_choices, role_rows
from .role_page import RolePage, role_page

__all__ = ["RolePage", "filter_choices", "role_page", "role_rows"]
