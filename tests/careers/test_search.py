"""The role list's word search: one query of one shape whatever the number of words, and a
search document that follows every write that changes what a role is found by."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careers.models import Role, RoleSkill
from careers.querysets import MAX_SEARCH_WORDS
from careers.search_document import refresh_search_documents
from tests.factories import RoleFactory, RoleSkillFactory, SkillFactory

pytestmark = pytest.mark.django_db

TEN_WORDS = "a b c d e f g h i j"


def found(text):
    return set(Role.objects.search(text).values_list("slug", flat=True))


@pytest.mark.parametrize("words", [1, 4, 8, MAX_SEARCH_WORDS, 25])
def test_a_search_is_one_query_whatever_the_number_of_words(django_assert_num_queries, words):
    RoleFactory(title="Alpha")
    text = " ".join(f"w{n}" for n in range(words))
    with django_assert_num_queries(1) as captured:
        list(Role.objects.search(text))
    sql = captured.captured_queries[0]["sql"].upper()
    # No subquery, no join: one condition per word (the word limit kept) on the role's row.
    assert sql.count("SELECT") == 1
    assert " JOIN " not in sql
    assert sql.count(" LIKE ") == min(words, MAX_SEARCH_WORDS)


def test_a_repeated_word_is_one_condition():
    assert str(Role.objects.search("data data DATA").query).upper().count(" LIKE ") == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plan")
def test_the_plan_has_no_subquery_per_word():
    RoleFactory.create_batch(3)
    plan = Role.objects.published().search(TEN_WORDS).explain()
    for node in ("SubPlan", "InitPlan", "Join", "Nested Loop", "Append", "Subquery Scan"):
        assert node not in plan, plan
    assert plan.count("careers_role") == 1, plan


def test_words_past_the_limit_are_ignored():
    RoleFactory(title="Alpha", slug="alpha", summary="")
    words = ["alpha"] * MAX_SEARCH_WORDS
    assert found(" ".join(words)) == {"alpha"}
    beyond = [f"alp{'h' * (n % 2)}" for n in range(MAX_SEARCH_WORDS)] + ["nowhere"]
    assert found(" ".join(beyond)) == {"alpha"}


def test_every_word_must_appear_in_the_text_or_a_skill():
    role = RoleFactory(title="Vision Engineer", summary="Cameras.", description="Pixels.")
    RoleSkillFactory(role=role, skill=SkillFactory(name="Deep learning"))
    for text in ("vision", "CAMERAS", "pixels engineer", "deep LEARNING vision"):
        assert found(text) == {role.slug}, text
    assert found("vision speech") == set()


def test_a_backslash_or_like_wildcards_match_only_themselves():
    RoleFactory(title="Plain")
    for text in ("\\", "%", "_", "%_\\"):
        assert found(text) == set(), text
    role = RoleFactory(title="C++ / C# 100%")
    assert found("100%") == {role.slug}


def test_a_title_edit_changes_what_finds_the_role():
    role = RoleFactory(title="Forecasting Analyst", summary="")
    role.title = "Ranking Analyst"
    role.save()
    assert found("ranking") == {role.slug}
    assert found("forecasting") == set()


def test_skill_links_added_and_removed_change_what_finds_the_role():
    role = RoleFactory()
    skill = SkillFactory(name="Kubernetes")
    link = RoleSkill.objects.create(role=role, skill=skill)
    assert found("kubernetes") == {role.slug}
    link.delete()
    assert found("kubernetes") == set()

    role.skills.add(skill)
    assert found("kubernetes") == {role.slug}
    role.skills.remove(skill)
    assert found("kubernetes") == set()

    skill.roles.add(role)
    assert found("kubernetes") == {role.slug}
    skill.roles.clear()
    assert found("kubernetes") == set()


def test_a_link_moved_to_another_role_moves_the_match():
    first, second = RoleFactory(), RoleFactory()
    link = RoleSkillFactory(role=first, skill=SkillFactory(name="Spark"))
    link.role = second
    link.save()
    assert found("spark") == {second.slug}


def test_a_renamed_skill_finds_its_roles_by_the_new_name():
    role = RoleFactory()
    skill = SkillFactory(name="Tableau")
    RoleSkillFactory(role=role, skill=skill)
    skill.name = "Looker"
    skill.save()
    assert found("looker") == {role.slug}
    assert found("tableau") == set()


def test_a_skill_for_every_role_finds_every_role_until_it_is_not():
    roles = RoleFactory.create_batch(3)
    linked = roles[0]
    skill = SkillFactory(name="Curiosity")
    RoleSkillFactory(role=linked, skill=skill)
    everyone = {role.slug for role in roles}

    skill.for_all_roles = True
    skill.save()
    assert found("curiosity") == everyone
    # Still every word must match: the skill keeps every role, the title narrows them.
    assert found(f"curiosity {linked.title}") == {linked.slug}
    # A role added later has it too.
    late = RoleFactory()
    assert found("curiosity") == everyone | {late.slug}

    skill.for_all_roles = False
    skill.save()
    assert found("curiosity") == {linked.slug}


def test_a_deleted_skill_for_every_role_finds_nothing_any_more():
    RoleFactory.create_batch(2)
    skill = SkillFactory(name="Patience", for_all_roles=True)
    assert len(found("patience")) == 2
    skill.delete()
    assert found("patience") == set()


def test_saving_an_unchanged_skill_rewrites_no_document():
    skill = SkillFactory(name="Rust")
    skill.refresh_from_db()
    with CaptureQueriesContext(connection) as captured:
        skill.save()
    assert captured.captured_queries
    assert not any('"careers_role"' in query["sql"] for query in captured.captured_queries)


def test_refresh_puts_right_a_document_a_bulk_update_left_stale():
    role = RoleFactory(title="Old Title")
    Role.objects.filter(pk=role.pk).update(title="Robotics Lead")  # sends no signal
    assert found("robotics") == set()
    refresh_search_documents(Role.objects.all())
    assert found("robotics") == {role.slug}


def test_generated_roles_are_found(article_data):
    call_command("generate_synthetic_roles", "5", verbosity=0)
    synthetic = set(Role.objects.filter(is_synthetic=True).values_list("slug", flat=True))
    assert found("synthetic") == synthetic
    # Their skills, and the skills named for every role, too.
    role = Role.objects.filter(is_synthetic=True).prefetch_related("skills").first()
    skill = role.skills.first()
    assert role.slug in found(f"synthetic {skill.name}")
    assert found("synthetic teamwork") == synthetic


def documents():
    """Each role's document as its lines, sorted: the database aggregates skill names in no
    set order (PostgreSQL's string_agg), and a search only asks whether a line holds a word."""
    return {
        pk: sorted(document.splitlines())
        for pk, document in Role.objects.values_list("pk", "search_document")
    }


def test_the_article_roles_documents_match_a_fresh_computation(article_data):
    before = documents()
    refresh_search_documents(Role.objects.all())
    assert documents() == before
    assert all(before.values())
