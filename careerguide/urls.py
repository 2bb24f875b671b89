from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from careers.sitemaps import sitemaps

from . import views

urlpatterns = [
    # Before the admin's own URLs, which would answer any other admin/ address with a 404.
    path("admin/to-do/", include("careers.admin.urls")),
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.RobotsView.as_view(), name="robots"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": sitemaps},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("faq/", include("faq.urls")),
    path("api/", include("api.urls")),
    path("", include("careers.urls")),
]
