from .companies import CompanyDetailView, CompanyListView
from .export import RoleExportView
from .pages import AboutView, HomeView, OutlookView, PathView
from .roles import RoleDetailView, RoleListView
from .skills import SkillDetailView, SkillListView
from .tools import CompareView, MatchView

__all__ = [
    "AboutView",
    "CompanyDetailView",
    "CompareView",
    "CompanyListView",
    "HomeView",
    "MatchView",
    "OutlookView",
    "PathView",
    "RoleExportView",
    "RoleDetailView",
    "RoleListView",
    "SkillDetailView",
    "SkillListView",
]
