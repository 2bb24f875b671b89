from django.urls import path

from . import views

app_name = "official"

urlpatterns = [
    path("areas/", views.AreaPickerView.as_view(), name="area_picker"),
]
