from .companies import CompanyDetailView, CompanyListView
from .export import RoleExportView
from .pages import HomeView, OutlookView, PathView
from .roles import RoleDetailView, RoleListView
from .skills import SkillDetailView, SkillListView
from .tools import CompareView, MatchView

__all__ = [
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
