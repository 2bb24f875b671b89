"""core.text's helpers as template filters."""

from django import template

from core.text import printable_or_empty

register = template.Library()

register.filter("printable_or_empty", printable_or_empty)
