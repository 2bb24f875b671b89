from .companies import CompanyDetailView, CompanyListView
from .export import RoleExportView
from .pages import HomeView, OutlookView, PathView
from .roles import RoleDetailView, RoleListView
from .skills import SkillDetailView, SkillListView

__all__ = [
    "CompanyDetailView",
    "CompanyListView",
    "HomeView",
    "OutlookView",
    "PathView",
    "RoleExportView",
    "RoleDetailView",
    "RoleListView",
    "SkillDetailView",
    "SkillListView",
]
