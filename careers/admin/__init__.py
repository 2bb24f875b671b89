"""The admin editors use. One module per family of models; importing them registers them."""

from django.contrib import admin

from core.sign_in import SignInForm

from . import content, pay, roles, taxonomy  # noqa: F401

admin.site.site_header = "careerguide editors"
admin.site.site_title = "careerguide editors"
admin.site.index_title = "What would you like to edit?"
admin.site.login_form = SignInForm
