"""The editors' own admin pages, beside the ones Django's admin builds for each model."""

from django.urls import path

from .todo import editor_todo

app_name = "editors"

urlpatterns = [
    path("", editor_todo, name="todo"),
]
