"""The Editors group as the migrations leave it, for tests that run after a transactional test
emptied every table (the group included): its data migrations cannot simply be run again, since
the models they name have moved apps since (Source into core)."""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

EDITORS_GROUP = "Editors"
CONTENT_APPS = ("core", "careers", "faq")


def expected_permissions():
    """view/add/change/delete on every content model, as (app label, codename)."""
    return {
        (model._meta.app_label, f"{action}_{model._meta.model_name}")
        for label in CONTENT_APPS
        for model in apps.get_app_config(label).get_models()
        # History tables are read through their content model's permissions (core/history.py).
        if not model._meta.model_name.startswith("historical")
        for action in ("view", "add", "change", "delete")
    }


def official_view_permissions():
    """Imported official statistics: editors may look, never edit (official migrations 0002
    and 0005)."""
    return {
        ("official", f"view_{model._meta.model_name}")
        for model in apps.get_app_config("official").get_models()
    }


def ensure_editors_group():
    if Group.objects.filter(name=EDITORS_GROUP).exists():
        return
    for config in apps.get_app_configs():
        create_permissions(config, verbosity=0)
    wanted = expected_permissions() | official_view_permissions()
    permissions = [
        permission
        for permission in Permission.objects.select_related("content_type")
        if (permission.content_type.app_label, permission.codename) in wanted
    ]
    Group.objects.create(name=EDITORS_GROUP).permissions.set(permissions)
