"""Base models every content app shares: slugs that are natural keys, and the sources that
figures, quotes and lists cite."""

from django.core.exceptions import ObjectDoesNotExist
from django.core.validators import URLValidator
from django.db import models

from .history import content_history, last_known_name
from .versioning import Versioned, VersionedQuerySet

WEB_SCHEMES = ["http", "https"]


def related_label(obj, name):
    """The related row of foreign key `name` as text, or its last known name if the row was
    deleted: old versions (history pages, the to-do page's deleted records) point at rows that
    may be gone, and naming them must not fail."""
    field = obj._meta.get_field(name)
    try:
        related = getattr(obj, name)
    except ObjectDoesNotExist:
        return last_known_name(field.related_model, getattr(obj, field.attname))
    return "" if related is None else str(related)


class SlugManager(models.Manager.from_queryset(VersionedQuerySet)):
    """Fixtures refer to rows by slug, so they load in any order into any database."""

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class SluggedModel(models.Model):
    slug = models.SlugField(
        max_length=120,
        unique=True,
        help_text="Short web address for this item, lower-case words joined by hyphens. "
        "Filled in from the name; change it only if you must, as it breaks old links.",
    )

    objects = SlugManager()

    class Meta:
        abstract = True

    def __str__(self):
        return getattr(self, "name", None) or getattr(self, "title", None) or self.slug

    def natural_key(self):
        return (self.slug,)


class Source(Versioned, SluggedModel):
    """A citation: who published a figure, quote or list, and where to find it."""

    # The table names of the careers app, where sources were first kept: moved without
    # copying a row (core migration 0001).
    history = content_history(table_name="careers_historicalsource")

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
        db_table = "careers_source"
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
