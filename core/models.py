"""Base models every content app shares: slugs that are natural keys."""

from django.core.exceptions import ObjectDoesNotExist
from django.db import models

from .history import last_known_name
from .versioning import VersionedQuerySet


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
