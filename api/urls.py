from django.urls import include, path
from rest_framework.routers import DefaultRouter

from . import docs, views

app_name = "api"

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("roles", views.RoleViewSet, basename="role")
router.register("skills", views.SkillViewSet, basename="skill")
router.register("companies", views.CompanyViewSet, basename="company")
router.register("faq", views.FaqEntryViewSet, basename="faq")

urlpatterns = [
    path("v1/", include(router.urls)),
    path("v1/schema/", docs.SchemaView.as_view(), name="schema"),
    path("v1/docs/", docs.DocsView.as_view(url_name="api:schema"), name="docs"),
]
