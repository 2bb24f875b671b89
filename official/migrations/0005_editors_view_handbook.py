"""Editors may view the Occupational Outlook Handbook rows too, as they view the OEWS ones (0002):
never change them, since they come from BLS through import_ooh."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS_GROUP = "Editors"
MODELS = ("handbookpage", "handbookprojection", "quality", "pagequality", "similaroccupation")


def grant_view(apps, schema_editor):
    using = schema_editor.connection.alias
    create_permissions(global_apps.get_app_config("official"), verbosity=0, using=using, apps=apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.using(using).filter(name=EDITORS_GROUP).first()
    if group is None:
        return
    wanted = [f"view_{model}" for model in MODELS]
    permissions = list(
        Permission.objects.using(using).filter(
            content_type__app_label="official", codename__in=wanted
        )
    )
    if len(permissions) != len(wanted):
        raise RuntimeError("Some Occupational Outlook Handbook view permissions are missing.")
    group.permissions.add(*permissions)


def revoke_view(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.using(schema_editor.connection.alias).filter(name=EDITORS_GROUP).first()
    if group is not None:
        wanted = [f"view_{model}" for model in MODELS]
        group.permissions.remove(
            *group.permissions.filter(content_type__app_label="official", codename__in=wanted)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("official", "0004_handbook_pages_projections_qualities"),
        ("careers", "0002_editors_group"),
    ]

    operations = [migrations.RunPython(grant_view, revoke_view)]
