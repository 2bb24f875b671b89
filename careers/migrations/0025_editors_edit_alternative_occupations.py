"""Editors may view, add, change and delete a role's alternative occupations, as they edit the
role's other content (the group's model list in 0002 is frozen: each later model grants its own)."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS_GROUP = "Editors"
MODEL = "roleoccupation"
WANTED = [f"{action}_{MODEL}" for action in ("view", "add", "change", "delete")]


def grant(apps, schema_editor):
    using = schema_editor.connection.alias
    create_permissions(global_apps.get_app_config("careers"), verbosity=0, using=using, apps=apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.using(using).filter(name=EDITORS_GROUP).first()
    if group is None:
        return
    permissions = list(
        Permission.objects.using(using).filter(
            content_type__app_label="careers", codename__in=WANTED
        )
    )
    if len(permissions) != len(WANTED):
        raise RuntimeError("Some alternative occupation permissions are missing.")
    group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.using(schema_editor.connection.alias).filter(name=EDITORS_GROUP).first()
    if group is not None:
        group.permissions.remove(
            *group.permissions.filter(content_type__app_label="careers", codename__in=WANTED)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("careers", "0024_role_official_reason_alternatives"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
