"""Announcing that what visitors see has changed, for whatever keeps copies of it.

Writes that send no model signals (bulk_create, QuerySet.update, a recomputed stored figure)
call `announce_change()`; the page cache listens (careerguide/apps.py connects it), so the code that
writes content needs to know nothing about the web layer.
"""

from django.dispatch import Signal

# Sent with `using`, the database alias the change was written to.
content_changed = Signal()


def announce_change(using=None):
    content_changed.send(sender=None, using=using)
