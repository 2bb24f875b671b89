"""Named reads on the official statistics."""

from django.db import models


class AreaQuerySet(models.QuerySet):
    def states(self):
        return self.filter(kind="S")

    def metros(self):
        return self.filter(kind="M")

    def named_like(self, text):
        return self.filter(name__icontains=text) if text else self


class WageEstimateQuerySet(models.QuerySet):
    def cited(self):
        """With the area and the release's source, for pages that cite each figure."""
        return self.select_related("area", "release__source")
