from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.functional import cached_property

from core.history import content_history
from core.models import related_label
from core.versioning import Versioned, VersionedQuerySet

from ..querysets import PAY_RANGE, RoleQuerySet, pick_salary
from .base import SluggedModel


class RoleManager(models.Manager.from_queryset(RoleQuerySet)):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class OfficialMatch(models.TextChoices):
    EXACT = "exact", "Exact"
    CLOSEST = "closest", "Closest"


class Role(Versioned, SluggedModel):
    history = content_history(excluded_fields=["median_pay", "search_document"])

    title = models.CharField(
        max_length=200, unique=True, help_text="The job title, e.g. Data Scientist."
    )
    summary = models.CharField(
        max_length=300,
        blank=True,
        help_text="One line a reader sees in the list of roles. Leave empty if the source has none.",
    )
    description = models.TextField(
        blank=True, help_text="Longer description for the role's own page. Optional."
    )
    description_source = models.ForeignKey(
        "core.Source",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Where the summary and description come from.",
    )
    stage = models.ForeignKey(
        "careers.CareerStage",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="roles",
        help_text="Where this role sits on the career path. Leave empty if the source does not say.",
    )
    skills = models.ManyToManyField(
        "careers.Skill", through="careers.RoleSkill", related_name="roles"
    )
    next_roles = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="previous_roles",
        help_text="Roles people often move on to from this one (next steps on the career path).",
    )
    hiring_companies = models.ManyToManyField(
        "careers.Company",
        blank=True,
        related_name="roles",
        help_text="Companies the source names as hiring for this role.",
    )
    official_occupation = models.ForeignKey(
        "official.Occupation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="roles",
        help_text="The official occupation (BLS SOC) whose pay is shown beside the guide's. "
        "Leave empty when none is close enough.",
    )
    official_match = models.CharField(
        "how close the match is",
        max_length=7,
        choices=OfficialMatch.choices,
        blank=True,
        help_text="Exact: the occupation is this role. Closest: the nearest official occupation, "
        "not the same job. Required when an official occupation is chosen.",
    )
    official_reason = models.TextField(
        "why this occupation",
        blank=True,
        help_text="Shown to visitors as “Why this occupation?”: a sentence or two, in your own "
        "words, on why this occupation fits the role as the guide describes it (quote at most a "
        "short phrase of the guide or of BLS's definition). With no official occupation, say why "
        "none of the alternatives is chosen.",
    )
    is_published = models.BooleanField(
        "published", default=True, help_text="Untick to hide the role from the public site."
    )
    is_synthetic = models.BooleanField(
        default=False,
        editable=False,
        help_text="Generated for tests and benchmarks; never part of the article's data.",
    )
    # Stored so the role list can filter and sort by pay without a subquery per role. Never
    # edited by hand: every salary write and role save recomputes it in the same transaction
    # (careers/signals.py).
    median_pay = models.PositiveIntegerField(
        "median pay (newest record)",
        null=True,
        blank=True,
        editable=False,
        db_index=True,
        help_text="The median of the newest pay record that gives one; kept up to date automatically.",
    )

    # What the role list's word search looks in: the role's text and its skills' names, one
    # per line. Never edited by hand: computed by the database on every write that changes it
    # (careers/search_document.py).
    search_document = models.TextField(editable=False, blank=True, default="")

    objects = RoleManager()

    class Meta:
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(official_occupation__isnull=True, official_match="")
                | Q(official_occupation__isnull=False, official_match__in=OfficialMatch.values),
                name="role_official_match_with_occupation",
                violation_error_message="Say how close the official occupation is (exact or "
                "closest), or leave both empty.",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("careers:role_detail", args=[self.slug])

    # A role's figures for display, each picked from what its QuerySet fetched (never a query of
    # its own): `salary_records` from for_list(), for_export(), for_compare() or the role page;
    # `national_estimates` from with_national_estimate().
    @cached_property
    def median_salary(self):
        """The pay record whose median is shown and cited (the one `median_pay` stores)."""
        return pick_salary(self.salary_records, "median")

    @cached_property
    def range_salary(self):
        """The pay record whose low and high are shown as the range: both from one record."""
        return pick_salary(self.salary_records, *PAY_RANGE)

    @property
    def pay_sources_differ(self):
        """True when the median and the range shown come from different sources."""
        median, pay_range = self.median_salary, self.range_salary
        return bool(median and pay_range and median.source_id != pay_range.source_id)

    @property
    def median_credited_elsewhere(self):
        """[(record, "median" or "average")]: this role's records from other sources carrying
        the very amount of the median shown (the guide's $168,730 for machine learning
        engineers is also the average it credits to Glassdoor). Reads `salary_records`."""
        shown = self.median_salary
        if shown is None:
            return []
        found = []
        for record in self.salary_records:
            if record.pk == shown.pk or record.source_id == shown.source_id:
                continue
            figure = next(
                (f for f in ("median", "average") if getattr(record, f) == shown.median), None
            )
            if figure:
                found.append((record, figure))
        return found

    @property
    def national_estimate(self):
        """The national BLS estimate of the role's official occupation, or None."""
        occupation = self.official_occupation
        if occupation is None:
            return None
        return next(iter(occupation.national_estimates), None)


# An editor lists at most this many alternatives per role (the role page's inline and the model's
# clean() refuse more): a visitor compares them at a glance.
MAX_ALTERNATIVES = 3


class RoleOccupationManager(models.Manager.from_queryset(VersionedQuerySet)):
    def get_by_natural_key(self, role_slug, soc_code):
        return self.get(role__slug=role_slug, occupation__soc_code=soc_code)


class RoleOccupation(Versioned):
    """An alternative official occupation for a role: close to it too, but not the one whose
    pay is shown beside the guide's (or, for a role with none, a candidate)."""

    history = content_history()

    role = models.ForeignKey(
        "careers.Role", on_delete=models.CASCADE, related_name="alternative_occupations"
    )
    occupation = models.ForeignKey(
        "official.Occupation", on_delete=models.PROTECT, related_name="alternative_for"
    )
    order = models.PositiveSmallIntegerField(
        default=0, help_text="Alternatives are listed from the lowest number up."
    )
    reason = models.CharField(
        max_length=200,
        blank=True,
        help_text="Optional, one line: why it is close, or why it is not chosen.",
    )

    objects = RoleOccupationManager()

    class Meta:
        verbose_name = "alternative occupation"
        ordering = ["order", "occupation__soc_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["role", "occupation"],
                name="roleoccupation_unique_role_occupation",
                violation_error_message="This occupation is already an alternative for this role.",
            ),
        ]

    def __str__(self):
        occupation, role = related_label(self, "occupation"), related_label(self, "role")
        return f"{occupation}: alternative for {role}"

    def clean(self):
        if not (self.role_id and self.occupation_id):
            return
        if self.role.official_occupation_id == self.occupation_id:
            raise ValidationError(
                {"occupation": "This is the role's own official occupation, not an alternative."}
            )
        # The role page's inline counts its own rows, deletions included (AlternativesFormSet).
        counted = getattr(self, "counted_by_formset", False)
        if (
            self._state.adding
            and not counted
            and RoleOccupation.objects.filter(role_id=self.role_id).count() >= MAX_ALTERNATIVES
        ):
            raise ValidationError(
                f"A role has at most {MAX_ALTERNATIVES} alternative occupations: remove one "
                "and save before adding another."
            )

    def natural_key(self):
        return (self.role.slug, self.occupation.soc_code)

    natural_key.dependencies = ["careers.role", "official.occupation"]

    @property
    def national_estimate(self):
        """The occupation's national BLS estimate, from Role.alternatives() (no query)."""
        return next(iter(self.occupation.national_estimates), None)


class Importance(models.IntegerChoices):
    ESSENTIAL = 1, "Essential"
    VALUABLE = 2, "Valuable"
    HELPFUL = 3, "Helpful"


class RoleSkillManager(models.Manager.from_queryset(VersionedQuerySet)):
    def get_by_natural_key(self, role_slug, skill_slug):
        return self.get(role__slug=role_slug, skill__slug=skill_slug)


class RoleSkill(Versioned):
    """How much one skill matters for one role."""

    history = content_history()

    role = models.ForeignKey("careers.Role", on_delete=models.CASCADE, related_name="role_skills")
    skill = models.ForeignKey("careers.Skill", on_delete=models.PROTECT, related_name="role_skills")
    importance = models.PositiveSmallIntegerField(
        choices=Importance.choices,
        default=Importance.ESSENTIAL,
        help_text="Essential: the source says the role must have it. Valuable: the source calls it "
        "valuable. Helpful: useful but not stressed.",
    )

    objects = RoleSkillManager()

    class Meta:
        ordering = ["importance", "skill__order", "skill__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["role", "skill"],
                name="roleskill_unique_role_skill",
                violation_error_message="This role already has that skill.",
            ),
        ]

    def __str__(self):
        skill, role = related_label(self, "skill"), related_label(self, "role")
        return f"{skill} for {role} ({self.get_importance_display()})"

    def clean(self):
        # A skill named for every role is shown on every role's page already; a link would
        # credit it to this role alone, beyond what its source says.
        if self.skill_id and self.skill.for_all_roles:
            raise ValidationError(
                {
                    "skill": "This skill is set for machine learning roles in general, so every "
                    "role shows it already: do not link it to one role."
                }
            )

    def natural_key(self):
        return (self.role.slug, self.skill.slug)

    natural_key.dependencies = ["careers.role", "careers.skill"]
