"""FAQ answers in templates: `{% load faq_tags %}`; the splitting is faq/formatting.py."""

from django import template

from faq.formatting import answer_blocks

register = template.Library()

register.filter("answer_blocks", answer_blocks)
