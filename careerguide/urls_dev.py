"""Development's URLs (settings.dev): the site's, and previews of its own error pages, which
DEBUG otherwise hides behind Django's technical pages. Production and tests use
careerguide/urls.py, where these addresses do not exist."""

from django.urls import path

from . import views
from .urls import urlpatterns as site_urlpatterns

urlpatterns = [
    *site_urlpatterns,
    path("404/", views.preview_not_found, name="preview_404"),
    path("500/", views.preview_server_error, name="preview_500"),
    path("503/", views.preview_unavailable, name="preview_503"),
]
