from django.core.validators import MaxValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q

from core.history import content_history
from core.models import related_label
from core.versioning import Versioned

from ..querysets import SalaryQuerySet
from .base import AsOfMixin, as_of_range_constraint

FIGURES = ("median", "average", "low", "high")

# No annual pay in this guide comes near ten million dollars; a bigger number is a typo. The role
# list's pay filters share this bound, so every stored figure can be filtered on.
PAY_LIMIT = 10_000_000


def _positive(field):
    return Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gt": 0})


def _within_limit(field):
    return Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__lte": PAY_LIMIT})


def _not_above(lower, upper):
    return (
        Q(**{f"{lower}__isnull": True})
        | Q(**{f"{upper}__isnull": True})
        | Q(**{f"{lower}__lte": F(upper)})
    )


class SalaryManager(models.Manager.from_queryset(SalaryQuerySet)):
    def get_by_natural_key(self, role_slug, source_slug):
        return self.get(role__slug=role_slug, source__slug=source_slug)


class Salary(Versioned, AsOfMixin):
    """The pay one source reports for one role: any of median, average, low and high."""

    history = content_history()

    role = models.ForeignKey("careers.Role", on_delete=models.CASCADE, related_name="salaries")
    source = models.ForeignKey(
        "core.Source",
        on_delete=models.PROTECT,
        related_name="salaries",
        help_text="Who reported these figures.",
    )
    median = models.PositiveIntegerField(
        null=True,
        blank=True,
        validators=[MaxValueValidator(PAY_LIMIT)],
        help_text="Median pay in whole units of the currency. Optional.",
    )
    average = models.PositiveIntegerField(
        null=True,
        blank=True,
        validators=[MaxValueValidator(PAY_LIMIT)],
        help_text="Average (mean) pay in whole units. Optional.",
    )
    low = models.PositiveIntegerField(
        null=True,
        blank=True,
        validators=[MaxValueValidator(PAY_LIMIT)],
        help_text="Bottom of the range the source gives. Optional.",
    )
    high = models.PositiveIntegerField(
        null=True,
        blank=True,
        validators=[MaxValueValidator(PAY_LIMIT)],
        help_text="Top of the range the source gives. Optional.",
    )
    basis = models.CharField(
        max_length=100,
        blank=True,
        help_text="What the figures measure, as the source says: e.g. 'median total pay' or "
        "'average annual salary'.",
    )
    region = models.CharField(
        max_length=100, blank=True, help_text="Where the figures apply, if the source says."
    )
    currency = models.CharField(
        max_length=3,
        default="USD",
        validators=[RegexValidator(r"^[A-Z]{3}$", "Use a three-letter currency code such as USD.")],
        help_text="Three-letter currency code, e.g. USD.",
    )
    period = models.CharField(
        max_length=10, choices=[("annual", "Annual")], default="annual", help_text="Pay period."
    )

    objects = SalaryManager()

    class Meta:
        verbose_name_plural = "salaries"
        # Once needed for a refresh hook on related managers' updates (gone: careers/signals.py
        # refreshes where a salary is written); harmless, and dropping it needs a migration.
        base_manager_name = "objects"
        ordering = ["role__title", "source__publisher"]
        # Serves the per-role "newest record" subquery behind median_pay (see salary_recency()).
        indexes = [models.Index(fields=["role", "-as_of", "id"], name="salary_role_recency")]
        constraints = [
            as_of_range_constraint("salary"),
            models.UniqueConstraint(
                fields=["role", "source"],
                name="salary_unique_role_source",
                violation_error_message="This role already has pay figures from that source: "
                "edit those instead.",
            ),
            models.CheckConstraint(
                condition=Q(median__isnull=False)
                | Q(average__isnull=False)
                | Q(low__isnull=False)
                | Q(high__isnull=False),
                name="salary_has_a_figure",
                violation_error_message="Enter at least one pay figure.",
            ),
            *[
                models.CheckConstraint(
                    condition=_positive(field),
                    name=f"salary_{field}_positive",
                    violation_error_message=f"The {field} pay must be more than zero.",
                )
                for field in FIGURES
            ],
            *[
                models.CheckConstraint(
                    condition=_within_limit(field),
                    name=f"salary_{field}_within_limit",
                    violation_error_message=f"The {field} pay must be at most $10,000,000.",
                )
                for field in FIGURES
            ],
            models.CheckConstraint(
                condition=_not_above("low", "high"),
                name="salary_low_not_above_high",
                violation_error_message="The low figure cannot be above the high figure.",
            ),
            *[
                models.CheckConstraint(
                    condition=_not_above(lower, upper),
                    name=f"salary_{lower}_not_above_{upper}",
                    violation_error_message=f"The {lower} figure cannot be above the {upper} figure.",
                )
                for middle in ("median", "average")
                for lower, upper in (("low", middle), (middle, "high"))
            ],
        ]

    def __str__(self):
        return f"{related_label(self, 'role')} — {related_label(self, 'source')}"

    def natural_key(self):
        return (self.role.slug, self.source.slug)

    natural_key.dependencies = ["careers.role", "core.source"]
