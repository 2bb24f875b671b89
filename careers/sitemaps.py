from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Company, Role, Skill


class StaticViewSitemap(Sitemap):
    priority = 0.8

    def items(self):
        return [
            "careers:home",
            "careers:role_list",
            "careers:skill_list",
            "careers:company_list",
            "careers:outlook",
            "careers:path",
            "careers:about",
            "faq:list",
            "careers:area_picker",
        ]

    def location(self, item):
        return reverse(item)


class RoleSitemap(Sitemap):
    priority = 0.6

    def items(self):
        return Role.objects.published().order_by("pk").only("slug")


class SkillSitemap(Sitemap):
    priority = 0.4

    def items(self):
        return Skill.objects.order_by("pk").only("slug")

    def location(self, item):
        return reverse("careers:skill_detail", args=[item.slug])


class CompanySitemap(Sitemap):
    priority = 0.4

    def items(self):
        return Company.objects.order_by("pk").only("slug")

    def location(self, item):
        return reverse("careers:company_detail", args=[item.slug])


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
        return reverse("careers:role_pay", args=[item.slug])


sitemaps = {
    "pages": StaticViewSitemap,
    "roles": RoleSitemap,
    "skills": SkillSitemap,
    "companies": CompanySitemap,
    "role_pay": RolePaySitemap,
}
