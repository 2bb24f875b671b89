from django.db import migrations, models

# The guide names its soft skills for "machine learning positions" in general, and its FAQ the
# languages to learn (Python, R): on databases loaded before this field, mark them and drop the
# links that credited them to one role.
GENERAL_SKILLS = [
    "teamwork",
    "good-communication",
    "organization",
    "strong-work-ethic",
    "python",
    "r",
]


def mark_general_skills(apps, schema_editor):
    Skill = apps.get_model("careers", "Skill")
    RoleSkill = apps.get_model("careers", "RoleSkill")
    Skill.objects.filter(slug__in=GENERAL_SKILLS).update(for_all_roles=True)
    RoleSkill.objects.filter(skill__for_all_roles=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("careers", "0010_role_official_occupation"),
    ]

    operations = [
        migrations.AddField(
            model_name="skill",
            name="for_all_roles",
            field=models.BooleanField(
                default=False,
                help_text="Tick when the source names this skill for machine learning positions in "
                "general, not for particular roles (the article's soft skills, and the programming "
                "languages its FAQ says to learn). It is then shown on every role's page, with that "
                "scope, and is not linked to roles one by one.",
                verbose_name="for machine learning roles in general",
            ),
        ),
        migrations.RunPython(mark_general_skills, migrations.RunPython.noop),
    ]
