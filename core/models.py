"""Base models every content app shares: slugs that are natural keys."""

from django.db import models


class SlugManager(models.Manager):
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
