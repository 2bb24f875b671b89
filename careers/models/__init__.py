from core.models import Source

from .base import AsOfPrecision
from .content import (
    Application,
    Duty,
    EducationPassage,
    EducationStep,
    OutlookStatistic,
    Quote,
    QuoteTopic,
)
from .roles import MAX_ALTERNATIVES, Importance, OfficialMatch, Role, RoleOccupation, RoleSkill
from .salaries import Salary
from .taxonomy import CareerStage, Company, Skill, SkillKind

__all__ = [
    "Application",
    "AsOfPrecision",
    "CareerStage",
    "Company",
    "Duty",
    "EducationPassage",
    "EducationStep",
    "Importance",
    "MAX_ALTERNATIVES",
    "OfficialMatch",
    "OutlookStatistic",
    "Quote",
    "QuoteTopic",
    "Role",
    "RoleOccupation",
    "RoleSkill",
    "Salary",
    "Skill",
    "SkillKind",
    "Source",
]
