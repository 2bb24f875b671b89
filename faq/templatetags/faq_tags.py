"""FAQ answers in templates: `{% load faq_tags %}`; the splitting is core/text.py."""

from django import template

from core.text import answer_blocks

register = template.Library()

register.filter("answer_blocks", answer_blocks)
