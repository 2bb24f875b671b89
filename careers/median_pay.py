"""Keeping the stored `Role.median_pay` right: one refresh per changed role, when the change commits.

Every write of a salary (a save, a delete, a bulk write through `SalaryQuerySet`, a fixture) and
every save of a role names the roles it touched here. When the transaction commits, those roles
are recomputed from what is then committed, in one UPDATE however many records changed; outside
a transaction that happens at once. Recomputing is idempotent, so a role named in a transaction
that rolled back is only recomputed again, harmlessly, at the next commit.
"""

import threading

from django.apps import apps
from django.db import transaction

from core.content import announce_change

_state = threading.local()


def refresh_on_commit(role_ids):
    ids = {role_id for role_id in role_ids if role_id is not None}
    if not ids:
        return
    pending = getattr(_state, "role_ids", None)
    if pending is None:
        pending = _state.role_ids = set()
    pending |= ids
    # One callback per write, but the first to run takes every pending id: the rest find none.
    transaction.on_commit(_refresh_pending)


def _refresh_pending():
    ids = getattr(_state, "role_ids", None)
    _state.role_ids = None
    if ids:
        apps.get_model("careers", "Role").objects.filter(pk__in=ids).refresh_median_pay()
        # The bump the change itself scheduled may have run before this UPDATE (callbacks run
        # in the order they were registered), and a page rendered in between would show the
        # old figure under the new version: announce the new figures too.
        announce_change()
