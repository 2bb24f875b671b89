from django.urls import path

from . import views

app_name = "faq"

urlpatterns = [
    path("", views.FaqListView.as_view(), name="list"),
    path("export.csv", views.FaqExportView.as_view(), name="export"),
]
