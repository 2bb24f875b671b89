from django.core.validators import URLValidator
from django.db import models

from core.history import content_history
from core.versioning import Versioned

from .base import SluggedModel

WEB_SCHEMES = ["http", "https"]


class Source(Versioned, SluggedModel):
    """A citation: who published a figure, quote or list, and where to find it."""

    history = content_history()

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
    # http and https only: a javascript: or data: address would run or show in a reader's
    # browser from a link the site vouches for.
    url = models.URLField(
        "web address",
        blank=True,
        validators=[URLValidator(schemes=WEB_SCHEMES)],
        help_text="Link to the source as precisely as the text names it (often the publisher's "
        "home page), starting with https:// or http://. Leave empty if not known.",
    )
    published_on = models.DateField(
        "publication date",
        null=True,
        blank=True,
        help_text="When the source was published, if it says. Use the first day of the month "
        "(or year) when only that is given. Leave empty if the text does not say.",
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
            models.CheckConstraint(
                condition=models.Q(url="")
                | models.Q(url__istartswith="http://")
                | models.Q(url__istartswith="https://"),
                name="source_url_is_web_address",
                violation_error_message="The web address must start with https:// or http://.",
            ),
        ]

    def __str__(self):
        if self.publisher and self.title:
            return f"{self.publisher}: {self.title}"
        return self.publisher or self.title
