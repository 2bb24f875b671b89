from django.db import models

from .base import SluggedModel


class Source(SluggedModel):
    """A citation: who published a figure, quote or list, and where to find it."""

    publisher = models.CharField(
        max_length=200,
        blank=True,
        help_text="Who published it, e.g. Glassdoor or the World Economic Forum. "
        "Leave empty if the text does not say.",
    )
    title = models.CharField(
        max_length=300,
        blank=True,
        help_text="Title of the report, article or page, e.g. 'Future of Jobs Report 2023'.",
    )
    url = models.URLField(
        "web address", blank=True, help_text="Link to the source, where known. Leave empty if not."
    )
    note = models.TextField(
        blank=True, help_text="Anything a reader should know about this source."
    )

    class Meta:
        ordering = ["publisher", "title"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(publisher="", title=""),
                name="source_has_publisher_or_title",
                violation_error_message="Give the source a publisher, a title, or both.",
            ),
        ]

    def __str__(self):
        if self.publisher and self.title:
            return f"{self.publisher}: {self.title}"
        return self.publisher or self.title
