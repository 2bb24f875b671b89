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
from .roles import Importance, OfficialMatch, Role, RoleSkill
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
    "OfficialMatch",
    "OutlookStatistic",
    "Quote",
    "QuoteTopic",
    "Role",
    "RoleSkill",
    "Salary",
    "Skill",
    "SkillKind",
    "Source",
]
