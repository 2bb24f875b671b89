"""Salary and role writes name the roles whose stored median_pay they may change
(careers/median_pay.py recomputes them when the transaction commits)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .median_pay import refresh_on_commit
from .models import Role, Salary


@receiver(post_save, sender=Salary, dispatch_uid="salary_saved_refreshes_median_pay")
def salary_saved(sender, instance, **kwargs):
    # A salary moved to another role changes both roles' figures.
    refresh_on_commit([instance.role_id, getattr(instance, "_loaded_role_id", None)])
    instance._loaded_role_id = instance.role_id


@receiver(post_delete, sender=Salary, dispatch_uid="salary_deleted_refreshes_median_pay")
def salary_deleted(sender, instance, **kwargs):
    refresh_on_commit([instance.role_id])


@receiver(post_save, sender=Role, dispatch_uid="role_saved_refreshes_median_pay")
def role_saved(sender, instance, **kwargs):
    # A role saved from a stale instance, or loaded from a fixture after its salaries, writes
    # whatever median_pay it carried: recompute it.
    refresh_on_commit([instance.pk])
