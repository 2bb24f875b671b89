"""The Editors group: may view, add, change and delete the site's content, and nothing else.

The model list is frozen here on purpose, as migrations are history: a content model added
later needs its own migration granting the group its permissions.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS_GROUP = "Editors"
ACTIONS = ("view", "add", "change", "delete")
CONTENT_MODELS = {
    "careers": (
        "source",
        "skill",
        "company",
        "careerstage",
        "role",
        "roleskill",
        "salary",
        "duty",
        "educationstep",
        "application",
        "quote",
        "outlookstatistic",
    ),
    "faq": ("faqentry",),
}


def create_editors_group(apps, schema_editor):
    using = schema_editor.connection.alias
    # Permissions are normally created after `migrate` finishes; on a fresh database they
    # do not exist yet, so create them now for the apps whose models the group edits.
    for app_label in CONTENT_MODELS:
        create_permissions(
            global_apps.get_app_config(app_label), verbosity=0, using=using, apps=apps
        )

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    wanted = {
        (app_label, model, f"{action}_{model}")
        for app_label, models in CONTENT_MODELS.items()
        for model in models
        for action in ACTIONS
    }
    permissions = [
        permission
        for permission in Permission.objects.using(using)
        .filter(content_type__app_label__in=CONTENT_MODELS)
        .select_related("content_type")
        if (
            permission.content_type.app_label,
            permission.content_type.model,
            permission.codename,
        )
        in wanted
    ]
    if len(permissions) != len(wanted):
        raise RuntimeError("Some content permissions are missing; the Editors group is incomplete.")
    group, _ = Group.objects.using(using).get_or_create(name=EDITORS_GROUP)
    group.permissions.set(permissions)


def remove_editors_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(name=EDITORS_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("careers", "0001_initial"),
        ("faq", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_editors_group, remove_editors_group),
    ]
