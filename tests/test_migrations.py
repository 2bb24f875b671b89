import io

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_models_and_migrations_agree():
    out = io.StringIO()
    # --check exits non-zero (SystemExit) when a model change has no migration yet.
    call_command("makemigrations", check=True, dry_run=True, stdout=out)
    assert "No changes detected" in out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_general_skills_are_marked_and_unlinked_on_databases_loaded_before_the_field():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before = [("careers", "0010_role_official_occupation")]
    after = [("careers", "0020_skill_for_all_roles")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    role = old.get_model("careers", "Role").objects.create(slug="mle", title="MLE")
    Skill = old.get_model("careers", "Skill")
    teamwork = Skill.objects.create(slug="teamwork", name="Teamwork", kind="soft")
    deep = Skill.objects.create(slug="deep-learning", name="Deep learning", kind="technical")
    RoleSkill = old.get_model("careers", "RoleSkill")
    for skill in (teamwork, deep):
        RoleSkill.objects.create(role=role, skill=skill, importance=2)

    executor = MigrationExecutor(connection)
    executor.migrate(after)
    new = executor.loader.project_state(after).apps
    Skill = new.get_model("careers", "Skill")
    assert Skill.objects.get(slug="teamwork").for_all_roles
    assert not Skill.objects.get(slug="deep-learning").for_all_roles
    links = new.get_model("careers", "RoleSkill").objects.values_list("skill__slug", flat=True)
    assert list(links) == ["deep-learning"]

    # Back to the latest state for the rest of the run.
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
