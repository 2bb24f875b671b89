from django.db import models
from django.urls import reverse

from core.history import content_history
from core.models import SluggedModel
from core.versioning import Versioned, VersionedQuerySet


class FaqTopic(models.TextChoices):
    CAREER = "career", "Careers in machine learning"
    GETTING_STARTED = "getting-started", "Getting started"
    PAY = "pay", "Pay"


class FaqEntryQuerySet(VersionedQuerySet):
    def published(self):
        return self.filter(is_published=True)


class FaqEntryManager(models.Manager.from_queryset(FaqEntryQuerySet)):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class FaqEntry(Versioned, SluggedModel):
    history = content_history()

    question = models.CharField(
        max_length=300, unique=True, help_text="The question, word for word."
    )
    answer = models.TextField(
        help_text="The answer, word for word. Put each numbered step on its own line "
        "starting with its number, e.g. '1. Get a degree.'"
    )
    topic = models.CharField(
        max_length=20, choices=FaqTopic.choices, help_text="Which group the question is shown in."
    )
    order = models.PositiveSmallIntegerField(
        default=0, help_text="Position within its group: lower numbers come first."
    )
    related_roles = models.ManyToManyField(
        "careers.Role",
        blank=True,
        related_name="faq_entries",
        help_text="Roles whose pages should link to this answer.",
    )
    source = models.ForeignKey(
        "core.Source",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Where the question and answer come from.",
    )
    is_published = models.BooleanField("published", default=True)

    objects = FaqEntryManager()

    class Meta:
        ordering = ["topic", "order"]
        verbose_name = "FAQ entry"
        verbose_name_plural = "FAQ entries"

    def __str__(self):
        return self.question

    def get_absolute_url(self):
        return f"{reverse('faq:list')}#{self.slug}"
