"""The Editors group and the create_editor command: editors edit content and nothing else."""

import io
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from careers.management.commands.create_editor import EDITORS_GROUP, PASSWORD_ENV, Command
from tests.editors_group import CONTENT_APPS, expected_permissions, official_view_permissions

PASSWORD = "a long editor passphrase"


def group_permissions():
    return set(
        Group.objects.get(name=EDITORS_GROUP).permissions.values_list(
            "content_type__app_label", "codename"
        )
    )


def create_editor(*args, **options):
    out, err = io.StringIO(), io.StringIO()
    call_command("create_editor", *args, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def password_env(monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)


@pytest.fixture
def no_password_env(monkeypatch):
    monkeypatch.delenv(PASSWORD_ENV, raising=False)


@pytest.fixture
def typed(monkeypatch):
    """Feed create_editor's password prompts from a list, as if typed at the terminal."""

    def feed(*answers):
        answers = iter(answers)

        def fake_getpass(prompt=""):
            try:
                return next(answers)
            except StopIteration:
                raise EOFError from None

        monkeypatch.setattr("getpass.getpass", fake_getpass)

    return feed


class TestEditorsGroup:
    def test_holds_exactly_the_content_permissions(self, db):
        expected = expected_permissions()
        assert len(expected) == 15 * 4
        assert group_permissions() == expected | official_view_permissions()

    def test_holds_nothing_on_accounts(self, db):
        labels = {label for label, _ in group_permissions()}
        assert labels == {*CONTENT_APPS, "official"}

    def test_migration_reverses_and_reapplies(self, db):
        executor = MigrationExecutor(connection)
        key = ("careers", "0002_editors_group")
        operation = executor.loader.get_migration(*key).operations[0]
        historical_apps = executor.loader.project_state(key).apps
        # The operations only need the connection's alias; a real schema editor cannot
        # open inside the test's transaction on SQLite.
        schema_editor = SimpleNamespace(connection=connection)

        operation.reverse_code(historical_apps, schema_editor)
        assert not Group.objects.filter(name=EDITORS_GROUP).exists()

        operation.code(historical_apps, schema_editor)
        operation.code(historical_apps, schema_editor)
        assert Group.objects.filter(name=EDITORS_GROUP).count() == 1
        # Source moved to core later (core migration 0001 relabels its content type, the
        # permissions with it): this migration's code, run alone, grants it under careers.
        moved = {f"{action}_source" for action in ("view", "add", "change", "delete")}
        # Models added later are granted by migrations of their own (careers 0025, 0026).
        later = {
            f"{action}_{model}"
            for action in ("view", "add", "change", "delete")
            for model in ("roleoccupation", "educationpassage")
        }
        granted = {(app, name) for app, name in group_permissions() if name not in moved}
        expected = {
            (app, name) for app, name in expected_permissions() if name not in moved | later
        }
        assert granted == expected  # official's own migration adds more
        assert {("careers", name) for name in moved} <= group_permissions()


class TestCreateEditor:
    def test_makes_a_staff_editor_who_is_not_a_superuser(self, db, password_env):
        out, _ = create_editor("maria", email="maria@example.com")
        user = get_user_model().objects.get(username="maria")
        assert "maria" in out
        assert user.is_active and user.is_staff and not user.is_superuser
        assert list(user.groups.values_list("name", flat=True)) == [EDITORS_GROUP]
        assert user.email == "maria@example.com"
        assert user.check_password(PASSWORD)
        assert not user.user_permissions.exists()

    def test_editor_permissions_come_from_the_group(self, db, password_env):
        create_editor("maria")
        user = get_user_model().objects.get(username="maria")
        assert user.has_perm("careers.change_salary")
        assert user.has_perm("faq.delete_faqentry")
        assert not user.has_perm("auth.view_user")
        assert not user.has_perm("auth.change_group")

    def test_refuses_an_existing_username_in_one_line(self, db, password_env):
        existing = get_user_model().objects.create_user("maria", password="first password 1")
        with pytest.raises(CommandError) as raised:
            create_editor("maria")
        message = str(raised.value)
        assert "already exists" in message and "\n" not in message
        existing.refresh_from_db()
        assert existing.check_password("first password 1")
        assert not existing.is_staff and not existing.groups.exists()

    @pytest.mark.parametrize(
        "password, problem",
        [
            ("short", "too short"),
            ("password123", "too common"),
            ("84736251098", "entirely numeric"),
            ("", "cannot be empty"),
        ],
    )
    def test_refuses_a_weak_password_from_the_environment(self, db, monkeypatch, password, problem):
        monkeypatch.setenv(PASSWORD_ENV, password)
        with pytest.raises(CommandError, match=problem):
            create_editor("maria")
        assert not get_user_model().objects.filter(username="maria").exists()

    def test_refuses_a_password_like_the_username(self, db, monkeypatch):
        monkeypatch.setenv(PASSWORD_ENV, "margaretta")
        with pytest.raises(CommandError, match="too similar"):
            create_editor("margaretta")

    def test_asks_twice_and_again_after_a_mistake(self, db, no_password_env, typed):
        typed("first try 1234", "first try 1235", "short", "short", PASSWORD, PASSWORD)
        _, err = create_editor("maria")
        assert "did not match" in err
        assert "too short" in err
        assert get_user_model().objects.get(username="maria").check_password(PASSWORD)

    def test_gives_up_after_three_bad_tries(self, db, no_password_env, typed):
        typed("short", "short", "abc", "abd", "password", "password")
        with pytest.raises(CommandError, match="no editor was created"):
            create_editor("maria")
        assert not get_user_model().objects.filter(username="maria").exists()

    def test_no_password_no_editor(self, db, no_password_env, typed):
        typed()
        with pytest.raises(CommandError, match="No password given"):
            create_editor("maria")
        assert not get_user_model().objects.filter(username="maria").exists()

    @pytest.mark.parametrize(
        "args, options, problem",
        [
            (["bad name!"], {}, "Username not accepted"),
            (["maria"], {"email": "not-an-address"}, "not a valid email"),
        ],
    )
    def test_refuses_bad_names_and_addresses(self, db, password_env, args, options, problem):
        with pytest.raises(CommandError, match=problem):
            create_editor(*args, **options)
        assert not get_user_model().objects.exists()

    def test_needs_the_editors_group(self, db, password_env):
        Group.objects.filter(name=EDITORS_GROUP).delete()
        with pytest.raises(CommandError, match="migrate"):
            create_editor("maria")
        assert not get_user_model().objects.exists()

    def test_help_documents_the_environment_variable(self):
        assert PASSWORD_ENV in Command.help
        assert "no default password" in Command.help.lower()


class TestEditorInTheAdmin:
    @pytest.fixture
    def editor_client(self, db, client, password_env):
        create_editor("maria")
        client.force_login(get_user_model().objects.get(username="maria"))
        return client

    @pytest.mark.parametrize(
        "url_name",
        [
            "admin:auth_user_changelist",
            "admin:auth_user_add",
            "admin:auth_group_changelist",
            "admin:auth_group_add",
        ],
    )
    def test_accounts_are_forbidden(self, editor_client, url_name):
        assert editor_client.get(reverse(url_name)).status_code == 403

    def test_cannot_edit_own_account(self, editor_client):
        user = get_user_model().objects.get(username="maria")
        url = reverse("admin:auth_user_change", args=[user.pk])
        assert editor_client.get(url).status_code == 403
        assert editor_client.post(url, {"is_superuser": "on"}).status_code == 403
        user.refresh_from_db()
        assert not user.is_superuser

    def test_index_lists_content_but_not_accounts(self, editor_client):
        response = editor_client.get(reverse("admin:index"))
        app_labels = {app["app_label"] for app in response.context["app_list"]}
        assert app_labels == {*CONTENT_APPS, "official"}
