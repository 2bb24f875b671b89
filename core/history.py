"""Every edit of the guide's content is kept: who changed what and when, and revertible.

Each content model declares `history = content_history()` (django-simple-history). Imported
data that is not editorial content (official statistics, for example) declares none.
"""

import threading
from contextlib import contextmanager

from simple_history.models import HistoricalRecords

_paused = threading.local()


@contextmanager
def history_paused():
    """Writes in this block leave no history: generated test data is not an editor's work."""
    previous = getattr(_paused, "active", False)
    _paused.active = True
    try:
        yield
    finally:
        _paused.active = previous


class ContentHistory(HistoricalRecords):
    def post_save(self, instance, created, using=None, **kwargs):
        if not getattr(_paused, "active", False):
            super().post_save(instance, created, using=using, **kwargs)

    def pre_delete(self, instance, **kwargs):
        if not getattr(_paused, "active", False):
            super().pre_delete(instance, **kwargs)

    def post_delete(self, instance, using=None, **kwargs):
        if not getattr(_paused, "active", False):
            super().post_delete(instance, using=using, **kwargs)


def content_history(**options):
    # The editors' history pages and reverts go through the content model's own permissions
    # (SIMPLE_HISTORY_ENFORCE_HISTORY_MODEL_PERMISSIONS stays off), so the Editors group needs
    # none on the historical tables.
    # No database constraint from a version to its author: versions are written in the same
    # transaction as the edit (and in bulk by load_initial_data), and PostgreSQL will not empty
    # a table (flush, the tests) whose deferred constraint checks are still pending. Deleting
    # an account still clears its name from the versions (on_delete=SET_NULL, in Django).
    options.setdefault("user_db_constraint", False)
    return ContentHistory(**options)


def is_tracked(model):
    return hasattr(model._meta, "simple_history_manager_attribute")


def record_first_versions(models, using, reason):
    """A first version for every row of `models` that has none yet (rows loaded from fixtures,
    which send only raw saves), so the first edit of each can be reverted. Returns how many."""
    recorded = 0
    for model in models:
        if not is_tracked(model):
            continue
        history = model.history
        pk = model._meta.pk.attname
        missing = list(
            model._default_manager.using(using).exclude(
                **{f"{pk}__in": history.using(using).values(pk)}
            )
        )
        if missing:
            history.bulk_history_create(missing, batch_size=500, default_change_reason=reason)
            recorded += len(missing)
    return recorded


def last_known_name(model, pk):
    """What a deleted row was called, from its last recorded version (history keeps versions
    of rows that point at it), for pages that must still name it."""
    record = None
    if is_tracked(model):
        history = getattr(model, model._meta.simple_history_manager_attribute)
        record = (
            history.filter(**{model._meta.pk.attname: pk}).order_by("-history_date", "-pk").first()
        )
    if record is None:
        return f"deleted {model._meta.verbose_name} {pk}"
    return f"{record.instance} (deleted)"
