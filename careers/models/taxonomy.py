"""Skills, companies and career stages: the things roles are described by."""

from django.db import models
from django.db.models.functions import Lower

from core.history import content_history
from core.versioning import Versioned

from ..querysets import CompanyQuerySet
from .base import SluggedModel


class SkillKind(models.TextChoices):
    TECHNICAL = "technical", "Technical"
    SOFT = "soft", "Soft"


class Skill(Versioned, SluggedModel):
    history = content_history()

    name = models.CharField(
        max_length=120, unique=True, help_text="The skill as a reader would say it."
    )
    kind = models.CharField(
        max_length=10,
        choices=SkillKind.choices,
        help_text="Technical (programming, maths, ...) or soft (communication, teamwork, ...).",
    )
    is_programming_language = models.BooleanField(
        "programming language",
        default=False,
        help_text="Tick for a programming language such as Python or R.",
    )
    description = models.TextField(blank=True, help_text="Optional: what the source says about it.")
    source = models.ForeignKey(
        "core.Source",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="skills",
        help_text="Where this skill is listed.",
    )
    order = models.PositiveSmallIntegerField(
        default=0, help_text="Position in lists: lower numbers come first."
    )
    for_all_roles = models.BooleanField(
        "for machine learning roles in general",
        default=False,
        help_text="Tick when the source names this skill for machine learning positions in "
        "general, not for particular roles (the article's soft skills, and the programming "
        "languages its FAQ says to learn). It is then shown on every role's page, with that "
        "scope, and is not linked to roles one by one.",
    )

    class Meta:
        ordering = ["kind", "order", "name"]


class CompanyManager(models.Manager.from_queryset(CompanyQuerySet)):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Company(Versioned, SluggedModel):
    history = content_history()

    objects = CompanyManager()

    name = models.CharField(max_length=200, unique=True, help_text="The company's usual name.")
    in_hiring_sample = models.BooleanField(
        "in LinkedIn hiring sample",
        default=False,
        help_text="Named in the sample of companies seeking machine learning professionals on LinkedIn.",
    )
    in_job_search = models.BooleanField(
        "in machine learning engineer job search",
        default=False,
        help_text="Named among the employers in the February 2025 LinkedIn search results.",
    )
    url = models.URLField("web address", blank=True, help_text="Optional: the company's website.")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "companies"
        constraints = [
            # "amazon" next to "Amazon" would split one employer in two.
            models.UniqueConstraint(
                Lower("name"),
                name="company_name_unique_ignoring_case",
                violation_error_message="A company with this name already exists.",
            ),
        ]


class CareerStage(Versioned, SluggedModel):
    """A step on the article's progression: entry level, established, specialist, leadership."""

    history = content_history()

    name = models.CharField(max_length=100, unique=True, help_text="e.g. Entry level.")
    order = models.PositiveSmallIntegerField(
        unique=True, help_text="1 for the first stage of a career, 2 for the next, and so on."
    )
    description = models.TextField(
        blank=True, help_text="What the source says about this stage, in its words."
    )
    source = models.ForeignKey(
        "core.Source", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["order"]
