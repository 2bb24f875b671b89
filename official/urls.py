from django.urls import path

from . import views

app_name = "official"

urlpatterns = [
    path("areas/", views.AreaPickerView.as_view(), name="area_picker"),
    path("careers/<slug:slug>/pay/", views.RolePayView.as_view(), name="role_pay"),
]
