from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from careers.models import Role


class RolePaySitemap(Sitemap):
    """The pay-by-location page of every published role with an official occupation."""

    priority = 0.5

    def items(self):
        return (
            Role.objects.published()
            .filter(official_occupation__isnull=False)
            .order_by("pk")
            .only("slug")
        )

    def location(self, item):
        return reverse("official:role_pay", args=[item.slug])
