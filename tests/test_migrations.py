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


BEFORE_SOURCE_MOVE = [
    ("core", None),
    ("faq", "0003_edit_version"),
    ("official", "0002_editors_view_official"),
]


@pytest.mark.django_db(transaction=True)
def test_moving_source_to_core_keeps_rows_history_content_types_and_permissions():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE_SOURCE_MOVE)
    old = executor.loader.project_state(
        [("careers", "0012_edit_version"), *BEFORE_SOURCE_MOVE[1:]]
    ).apps
    Source = old.get_model("careers", "Source")
    source = Source.objects.create(slug="bls", publisher="BLS", title="OEWS", url="https://bls.gov")
    versions = old.get_model("careers", "HistoricalSource")
    versions.objects.create(
        id=source.pk,
        slug="bls",
        publisher="BLS",
        title="OEWS",
        url="https://bls.gov",
        history_date="2026-01-02T03:04:05Z",
        history_type="~",
        history_change_reason="edited",
    )
    role = old.get_model("careers", "Role").objects.create(slug="mle", title="MLE")
    salary = old.get_model("careers", "Salary").objects.create(
        role=role, source=source, median=150000
    )
    entry = old.get_model("faq", "FaqEntry").objects.create(
        slug="q", question="Q?", answer="A.", topic="pay", source=source
    )
    ContentType = old.get_model("contenttypes", "ContentType")
    # The test database has them already (moved back to careers by the reverse migration).
    content_type, _ = ContentType.objects.get_or_create(app_label="careers", model="source")
    history_type, _ = ContentType.objects.get_or_create(
        app_label="careers", model="historicalsource"
    )
    Permission = old.get_model("auth", "Permission")
    change, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="change_source", name="Can change source"
    )
    group = old.get_model("auth", "Group").objects.create(name="Source editors")
    group.permissions.add(change)

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    new = executor.loader.project_state(executor.loader.graph.leaf_nodes()).apps

    moved = new.get_model("core", "Source").objects.get()
    assert (moved.pk, moved.slug, moved.url) == (source.pk, "bls", "https://bls.gov")
    history = new.get_model("core", "HistoricalSource").objects.get()
    assert (history.id, history.history_change_reason) == (source.pk, "edited")
    assert new.get_model("careers", "Salary").objects.get(pk=salary.pk).source_id == source.pk
    assert new.get_model("faq", "FaqEntry").objects.get(pk=entry.pk).source_id == source.pk
    ContentType = new.get_model("contenttypes", "ContentType")
    assert ContentType.objects.get(app_label="core", model="source").pk == content_type.pk
    assert ContentType.objects.get(app_label="core", model="historicalsource").pk == (
        history_type.pk
    )
    assert not ContentType.objects.filter(app_label="careers", model="source").exists()
    granted = new.get_model("auth", "Group").objects.get(pk=group.pk).permissions.get()
    assert (granted.pk, granted.content_type_id) == (change.pk, content_type.pk)


OLD_EXPERIENCE = (
    "As described by Discover Data Science, some machine learning positions may require "
    "previous experience in an engineer or artificial intelligence-specific role. For example, "
    "it’s important to know that a machine learning engineer is not an entry-level position, "
    "but one that often requires experience in data science and software engineering — plus "
    "an advanced degree. For a career in machine learning, you may want to start in a software "
    "engineer, software programmer, software developer, data scientist or computer engineer role."
)


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_education_steps_are_split_into_passages_credited_sentence_by_sentence():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    core = ("core", "0002_source_edit_version")
    before = [("careers", "0023_role_search_document"), core]
    after = [("careers", "0028_indeed_growth_label"), core]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    Source = old.get_model("core", "Source")
    article = Source.objects.create(slug="article", title="The guide")
    dds = Source.objects.create(slug="discover-data-science", publisher="Discover Data Science")
    Step = old.get_model("careers", "EducationStep")
    Step.objects.create(
        slug="experience", title="Experience", body=OLD_EXPERIENCE, source=dds, version=1
    )
    Step.objects.create(slug="degree", title="Degree", body="Study.", source=article, version=1)
    Statistic = old.get_model("careers", "OutlookStatistic")
    Statistic.objects.create(
        slug="indeed-growth-rate",
        label="Growth rate of machine learning engineer jobs, per Indeed",
        statement="Indeed ... citing a 53% growth rate since 2020.",
        version=1,
    )

    executor = MigrationExecutor(connection)
    executor.migrate(after)
    new = executor.loader.project_state(after).apps
    Passage = new.get_model("careers", "EducationPassage")
    passages = Passage.objects.order_by("step__order", "step__slug", "order")
    found = {
        (p.step.slug, p.order): (p.source.slug, p.text)
        for p in passages.select_related("step", "source")
    }
    assert found[("degree", 1)] == ("article", "Study.")
    assert found[("experience", 1)][0] == "discover-data-science"
    assert found[("experience", 1)][1].endswith("artificial intelligence-specific role.")
    assert found[("experience", 2)][0] == "article"
    assert " ".join([found[("experience", 1)][1], found[("experience", 2)][1]]) == OLD_EXPERIENCE
    step = new.get_model("careers", "EducationStep").objects.get(slug="experience")
    assert step.source.slug == "article"
    label = new.get_model("careers", "OutlookStatistic").objects.get().label
    assert label == "Growth rate Indeed cites for machine learning engineer"

    # And back: the text joined again into one body.
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    assert old.get_model("careers", "EducationStep").objects.get(slug="experience").body == (
        OLD_EXPERIENCE
    )

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
