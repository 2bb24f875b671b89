from django.urls import path

from . import views

app_name = "careers"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("careers/", views.RoleListView.as_view(), name="role_list"),
    # Before careers/<slug>/: "export.csv" is not a slug today, but keep it from ever being one.
    path("careers/export.csv", views.RoleExportView.as_view(), name="role_export"),
    path("careers/<slug:slug>/", views.RoleDetailView.as_view(), name="role_detail"),
    path("careers/<slug:slug>/pay/", views.RolePayView.as_view(), name="role_pay"),
    path("areas/", views.AreaPickerView.as_view(), name="area_picker"),
    path("skills/", views.SkillListView.as_view(), name="skill_list"),
    path("skills/<slug:slug>/", views.SkillDetailView.as_view(), name="skill_detail"),
    path("companies/", views.CompanyListView.as_view(), name="company_list"),
    path("companies/<slug:slug>/", views.CompanyDetailView.as_view(), name="company_detail"),
    path("outlook/", views.OutlookView.as_view(), name="outlook"),
    path("path/", views.PathView.as_view(), name="path"),
    path("match/", views.MatchView.as_view(), name="match"),
    path("compare/", views.CompareView.as_view(), name="compare"),
    path("about/", views.AboutView.as_view(), name="about"),
]
