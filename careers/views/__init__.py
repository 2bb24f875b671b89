from .companies import CompanyDetailView, CompanyListView
from .export import RoleExportView
from .pages import AboutView, HomeView, OutlookView, PathView
from .pay import AreaPickerView, RolePayView
from .roles import RoleDetailView, RoleListView
from .skills import SkillDetailView, SkillListView
from .tools import CompareView, MatchView

__all__ = [
    "AboutView",
    "AreaPickerView",
    "CompanyDetailView",
    "CompareView",
    "CompanyListView",
    "HomeView",
    "MatchView",
    "OutlookView",
    "PathView",
    "RolePayView",
    "RoleExportView",
    "RoleDetailView",
    "RoleListView",
    "SkillDetailView",
    "SkillListView",
]
