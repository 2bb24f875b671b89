"""The apps depend one way: faq and api on careers, careers on official, official on core
(ARCHITECTURE in docs/; the contracts are in .importlinter)."""

from pathlib import Path

import pytest
from django.apps import apps
from importlinter.cli import EXIT_STATUS_SUCCESS, lint_imports

# Lowest first: an app may relate to its own models and to those of the apps before it.
LAYERS = ["core", "official", "careers", "faq"]
# Django's own apps and the history package's user links are below every app.
OUTSIDE = {"auth", "contenttypes"}

CONTRACTS = Path(__file__).resolve().parent.parent / ".importlinter"


def test_import_contracts_are_kept():
    # Imports anywhere in a module count, those inside functions too; the broken ones are
    # printed in the test's output.
    status = lint_imports(config_filename=str(CONTRACTS), no_cache=True, no_logo=True)
    assert status == EXIT_STATUS_SUCCESS


@pytest.mark.parametrize("label", LAYERS)
def test_model_relations_point_down_or_sideways(label):
    allowed = set(LAYERS[: LAYERS.index(label) + 1]) | OUTSIDE
    pointing_up = [
        f"{model._meta.label}.{field.name} -> {field.related_model._meta.label}"
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        for field in model._meta.get_fields()
        if field.is_relation
        and not field.auto_created
        and field.related_model is not None
        and field.related_model._meta.app_label not in allowed
    ]
    assert pointing_up == []
