from .companies import CompanyDetailView, CompanyListView
from .pages import HomeView, OutlookView, PathView
from .roles import RoleDetailView, RoleListView
from .skills import SkillDetailView, SkillListView

__all__ = [
    "CompanyDetailView",
    "CompanyListView",
    "HomeView",
    "OutlookView",
    "PathView",
    "RoleDetailView",
    "RoleListView",
    "SkillDetailView",
    "SkillListView",
]
