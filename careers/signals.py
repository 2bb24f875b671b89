"""The stored `Role.median_pay` (kept for the role list's sort and filters, docs/architecture.md)
is recomputed where a salary is written, in the same transaction, by one UPDATE of its role.

Every writer of a salary goes through these: a form or inline in the admin, a spreadsheet
import row, a fixture (raw saves), a revert or restore from history, a delete. Bulk writes send
no signals: generate_synthetic_roles refreshes its roles itself.
"""

from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from .models import Role, Salary


def _refresh(*role_ids):
    ids = {role_id for role_id in role_ids if role_id is not None}
    if ids:
        Role.objects.filter(pk__in=ids).refresh_median_pay()


@receiver(pre_save, sender=Salary, dispatch_uid="salary_saving_reads_its_role")
def salary_saving(sender, instance, **kwargs):
    # The role the row has in the database now: a record moved to another role changes both.
    instance._role_before = (
        Salary.objects.filter(pk=instance.pk)
        .order_by("pk")
        .values_list("role_id", flat=True)
        .first()
        if instance.pk is not None
        else None
    )


@receiver(post_save, sender=Salary, dispatch_uid="salary_saved_refreshes_median_pay")
def salary_saved(sender, instance, **kwargs):
    _refresh(instance.role_id, getattr(instance, "_role_before", None))


@receiver(post_delete, sender=Salary, dispatch_uid="salary_deleted_refreshes_median_pay")
def salary_deleted(sender, instance, origin=None, **kwargs):
    # Deleted with its role (one role, or many at once): there is no figure left to keep.
    origin_model = origin.model if isinstance(origin, QuerySet) else type(origin)
    if origin_model is not Role:
        _refresh(instance.role_id)


@receiver(post_save, sender=Role, dispatch_uid="role_saved_refreshes_median_pay")
def role_saved(sender, instance, **kwargs):
    # A role saved from a stale instance, or loaded from a fixture after its salaries, writes
    # whatever median_pay it carried: recompute it.
    _refresh(instance.pk)
