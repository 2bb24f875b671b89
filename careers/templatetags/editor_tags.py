"""The editors' admin index: how many figures are old, and where to start fixing them."""

from django import template
from django.conf import settings

from careers.models import OutlookStatistic, Salary
from careers.models.base import stale_cutoff
from core.age import age_words

register = template.Library()


@register.simple_tag
def old_figure_counts():
    """(all, pay, outlook): dated figures older than CAREERGUIDE_STALE_AFTER_MONTHS."""
    cutoff = stale_cutoff()
    pay = Salary.objects.filter(as_of__lt=cutoff).count()
    outlook = OutlookStatistic.objects.filter(as_of__lt=cutoff).count()
    return {"all": pay + outlook, "pay": pay, "outlook": outlook}


@register.simple_tag
def stale_age():
    return age_words(settings.CAREERGUIDE_STALE_AFTER_MONTHS)
