"""Create a staff account for a content editor: in the Editors group, never a superuser."""

import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

EDITORS_GROUP = "Editors"
PASSWORD_ENV = "DJANGO_EDITOR_PASSWORD"
ATTEMPTS = 3


class Command(BaseCommand):
    help = (
        "Create an editor: an active staff account in the Editors group, who can edit the "
        "site's content in the admin but not users, groups or permissions. The password is "
        f"asked for twice. For scripts, set the {PASSWORD_ENV} environment variable instead; "
        "it is checked against the same password rules. There is no default password."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="The name the editor logs in with.")
        parser.add_argument("--email", default="", help="The editor's email address (optional).")

    def handle(self, *args, username, email, **options):
        User = get_user_model()
        username = self._clean_username(User, username)
        email = self._clean_email(email)
        if User._default_manager.filter(**{User.USERNAME_FIELD: username}).exists():
            raise CommandError(f"A user named '{username}' already exists; choose another name.")
        try:
            group = Group.objects.get(name=EDITORS_GROUP)
        except Group.DoesNotExist:
            raise CommandError(
                f"The {EDITORS_GROUP} group does not exist yet: run 'python manage.py migrate' first."
            ) from None

        user = User(**{User.USERNAME_FIELD: username}, email=email)
        password = self._password(user)
        user.set_password(password)
        user.is_staff = True
        user.is_superuser = False
        user.is_active = True
        with transaction.atomic():
            user.save()
            user.groups.add(group)
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(f"Editor '{username}' created."))

    def _clean_username(self, User, username):
        field = User._meta.get_field(User.USERNAME_FIELD)
        try:
            return field.clean(username.strip(), None)
        except ValidationError as error:
            raise CommandError(f"Username not accepted: {' '.join(error.messages)}") from None

    def _clean_email(self, email):
        email = email.strip()
        if email:
            try:
                validate_email(email)
            except ValidationError:
                raise CommandError(f"'{email}' is not a valid email address.") from None
        return email

    def _password(self, user):
        from_env = os.environ.get(PASSWORD_ENV)
        if from_env is not None:
            problems = self._problems(from_env, user)
            if problems:
                raise CommandError(f"{PASSWORD_ENV} not accepted: {problems}")
            return from_env

        for _ in range(ATTEMPTS):
            try:
                password = getpass.getpass("Password: ")
                again = getpass.getpass("Password (again): ")
            except (EOFError, KeyboardInterrupt):
                raise CommandError("No password given; no editor was created.") from None
            if password != again:
                self.stderr.write("The passwords did not match. Try again.")
                continue
            problems = self._problems(password, user)
            if problems:
                self.stderr.write(f"Password not accepted: {problems}")
                continue
            return password
        raise CommandError(f"No acceptable password after {ATTEMPTS} tries; no editor was created.")

    @staticmethod
    def _problems(password, user):
        if not password.strip():
            return "The password cannot be empty."
        try:
            validate_password(password, user)
        except ValidationError as error:
            return " ".join(error.messages)
        return ""
