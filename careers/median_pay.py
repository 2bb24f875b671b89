"""Keeping the stored `Role.median_pay` right: one refresh per changed role, when the change commits.

Stored rather than computed on each read because the role list sorts and filters by it
(docs/architecture.md has the numbers). It is refreshed where salaries are written:
- a salary saved (admin form or inline, spreadsheet import row, fixture) or deleted (one, many
  at once, or with its role), and a role saved: careers/signals.py names the roles here;
- a bulk write, which sends no signals (generate_synthetic_roles): the command calls
  `Role.objects.refresh_median_pay()` itself.
When the transaction commits, the roles named are recomputed from what is then committed, in
one UPDATE however many records changed; outside a transaction that happens at once.
Recomputing is idempotent, so a role named in a transaction that rolled back is only
recomputed again, harmlessly, at the next commit.
"""

import threading

from django.db import transaction

from core.content import announce_change

from .models import Role

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
        Role.objects.filter(pk__in=ids).refresh_median_pay()
        # The bump the change itself scheduled may have run before this UPDATE (callbacks run
        # in the order they were registered), and a page rendered in between would show the
        # old figure under the new version: announce the new figures too.
        announce_change()
