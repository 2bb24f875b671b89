from django.urls import path

from . import views

app_name = "careers"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("careers/", views.RoleListView.as_view(), name="role_list"),
    path("careers/<slug:slug>/", views.RoleDetailView.as_view(), name="role_detail"),
]
