"""Keep each role's stored median_pay equal to what its salaries say.

Every path that writes a Salary one at a time (admin, inlines, fixtures, factories) ends in
post_save or post_delete; a Role save recomputes its own figure too, so a role saved from a
stale instance, or loaded from a fixture after its salaries, never keeps an old number. Bulk
writes (bulk_create, QuerySet.update) send no signals: they call
`Role.objects.refresh_median_pay()` themselves, as generate_synthetic_roles does.
"""

import contextvars
from contextlib import contextmanager

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Role, Salary

_muted = contextvars.ContextVar("median_pay_refresh_muted", default=False)


@contextmanager
def median_pay_refresh_muted():
    """For deleting whole roles in bulk: no per-salary UPDATE of a role that is going too.

    Whoever mutes is responsible for refreshing any role that survives.
    """
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def _refresh(role_ids):
    ids = {role_id for role_id in role_ids if role_id is not None}
    if not ids or _muted.get():
        return
    Role.objects.filter(pk__in=ids).refresh_median_pay()
    if connection.in_atomic_block:
        # In a transaction, PostgreSQL's snapshot may miss another editor's salary for the same
        # role saved at the same moment; once committed, recompute with what is then visible.
        transaction.on_commit(lambda: Role.objects.filter(pk__in=ids).refresh_median_pay())


@receiver(post_save, sender=Salary, dispatch_uid="salary_saved_refreshes_median_pay")
def salary_saved(sender, instance, **kwargs):
    # A salary moved to another role changes both roles' figures.
    _refresh([instance.role_id, getattr(instance, "_loaded_role_id", None)])
    instance._loaded_role_id = instance.role_id


@receiver(post_delete, sender=Salary, dispatch_uid="salary_deleted_refreshes_median_pay")
def salary_deleted(sender, instance, **kwargs):
    _refresh([instance.role_id])


@receiver(post_save, sender=Role, dispatch_uid="role_saved_refreshes_median_pay")
def role_saved(sender, instance, **kwargs):
    if _muted.get():
        return
    _refresh([instance.pk])
    # The instance in hand now shows the stored figure too.
    instance.median_pay = (
        Role.objects.filter(pk=instance.pk).values_list("median_pay", flat=True).first()
    )
