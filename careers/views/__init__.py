from .companies import CompanyDetailView, CompanyListView
from .pages import AboutView, HomeView, OutlookView, PathView
from .roles import RoleDetailView, RoleListView
from .skills import SkillDetailView, SkillListView

__all__ = [
    "AboutView",
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
