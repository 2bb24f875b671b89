"""The admin's sign-in form, with the username's length checked before anything else reads it."""

from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model
from django.core.validators import MaxLengthValidator


class SignInForm(AdminAuthenticationForm):
    """Django's form only sets the username's maxlength attribute; the browser enforces it, the
    server does not. A longer name reached authenticate(), and django-axes then stored it in its
    255-character column: a database error (a 500) on PostgreSQL. No account can have a longer
    name than the model allows, so it is a form error and no sign-in attempt."""

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        field = self.fields["username"]
        limit = get_user_model()._meta.get_field(get_user_model().USERNAME_FIELD).max_length
        field.validators.append(
            MaxLengthValidator(limit, f"A username has at most {limit} characters.")
        )
