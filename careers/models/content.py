"""The article's other content, kept as data: duties, steps, applications, quotes, outlook."""

from django.db import models
from django.db.models import Prefetch

from core.history import content_history
from core.models import related_label
from core.versioning import Versioned, VersionedQuerySet

from .base import AsOfMixin, SluggedModel, as_of_range_constraint


class OrderedContent(Versioned, SluggedModel):
    order = models.PositiveSmallIntegerField(
        default=0, help_text="Position in lists: lower numbers come first."
    )
    source = models.ForeignKey(
        "core.Source",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Where this comes from. Leave empty only if the text does not say.",
    )

    class Meta:
        abstract = True
        # Equal positions keep the order they were entered in, on every database and page.
        ordering = ["order", "pk"]


class Duty(OrderedContent):
    """A job duty machine learning professionals often have."""

    history = content_history()

    text = models.CharField(max_length=300, unique=True, help_text="The duty, as one sentence.")

    class Meta(OrderedContent.Meta):
        verbose_name_plural = "duties"

    def __str__(self):
        return self.text


class EducationStepQuerySet(VersionedQuerySet):
    def for_display(self):
        """Each step with its source and its passages, each with its own source: two queries
        however many steps."""
        passages = EducationPassage.objects.select_related("source")
        return self.select_related("source").prefetch_related(Prefetch("passages", passages))


class EducationStepManager(models.Manager.from_queryset(EducationStepQuerySet)):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class EducationStep(OrderedContent):
    """A step toward a career in machine learning (degree, experience, ...). Its text is its
    passages, each credited to whoever wrote it: the guide quotes others within one step.
    `source` credits the step itself (its heading and place in the list)."""

    history = content_history()

    title = models.CharField(max_length=200, help_text="Short heading, e.g. Undergraduate degree.")

    objects = EducationStepManager()

    def __str__(self):
        return self.title

    @property
    def body(self):
        """The step's whole text, its passages in order (read them with for_display())."""
        return " ".join(passage.text for passage in self.passages.all())


class EducationPassageManager(models.Manager.from_queryset(VersionedQuerySet)):
    def get_by_natural_key(self, step_slug, order):
        return self.get(step__slug=step_slug, order=order)


class EducationPassage(Versioned):
    """One or more sentences of an education step that share one source."""

    history = content_history()

    step = models.ForeignKey(EducationStep, on_delete=models.CASCADE, related_name="passages")
    order = models.PositiveSmallIntegerField(
        default=0, help_text="Position in the step: lower numbers come first."
    )
    text = models.TextField(help_text="The sentences, in the source's words.")
    source = models.ForeignKey(
        "core.Source",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Who wrote these sentences: the guide itself, or whom it credits for them. "
        "Leave empty only if the text does not say.",
    )

    objects = EducationPassageManager()

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["step", "order"],
                name="educationpassage_unique_step_order",
                violation_error_message="This step already has a passage at that position.",
            ),
        ]

    def __str__(self):
        return f"{related_label(self, 'step')}, passage {self.order}"

    def natural_key(self):
        return (self.step.slug, self.order)

    natural_key.dependencies = ["careers.educationstep", "core.source"]


class Application(OrderedContent):
    """A real-world use of machine learning that the article names."""

    history = content_history()

    name = models.CharField(
        max_length=200, unique=True, help_text="e.g. Facial recognition software."
    )
    examples = models.CharField(
        max_length=300, blank=True, help_text="Examples the source gives, e.g. Netflix, YouTube."
    )

    def __str__(self):
        return self.name


class QuoteTopic(models.TextChoices):
    DEFINITION = "definition", "What machine learning is"
    PROFESSION = "profession", "What machine learning professionals do"


class Quote(OrderedContent):
    """A passage the article quotes, with who said it."""

    history = content_history()

    text = models.TextField(help_text="The quotation, word for word, without quotation marks.")
    topic = models.CharField(max_length=20, choices=QuoteTopic.choices)

    class Meta(OrderedContent.Meta):
        ordering = ["topic", "order", "pk"]

    def __str__(self):
        return self.text[:80]


class OutlookStatistic(AsOfMixin, OrderedContent):
    """A job-outlook figure: a value with its unit, period, source and date."""

    history = content_history()

    label = models.CharField(max_length=200, help_text="What is measured, in a few words.")
    value = models.DecimalField(
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="The number. Leave empty when the source gives no number (only words).",
    )
    unit = models.CharField(
        max_length=40,
        blank=True,
        help_text="e.g. percent, jobs, results, rank. Empty if no number.",
    )
    qualifier = models.CharField(
        max_length=40, blank=True, help_text="Words before the number in the source, e.g. 'over'."
    )
    period = models.CharField(
        max_length=100, blank=True, help_text="The time span the figure covers, e.g. 2022 to 2032."
    )
    statement = models.TextField(help_text="The figure in a sentence, as the source puts it.")

    class Meta(OrderedContent.Meta):
        constraints = [
            as_of_range_constraint("outlook"),
            models.CheckConstraint(
                condition=models.Q(value__isnull=True) | models.Q(value__gte=0),
                name="outlook_value_not_negative",
                violation_error_message="The value cannot be negative.",
            ),
            models.CheckConstraint(
                condition=models.Q(value__isnull=True) | ~models.Q(unit=""),
                name="outlook_value_has_unit",
                violation_error_message="Say what unit the value is in (percent, jobs, ...).",
            ),
        ]

    def __str__(self):
        return self.label
