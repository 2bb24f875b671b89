"""Template filters and tags for official figures; the functions live in official/formatting.py."""

from django import template

from .. import formatting

register = template.Library()

register.simple_tag(formatting.official_figure, name="official_figure")
register.simple_tag(formatting.official_citation, name="official_citation")
register.filter("wage_text", formatting.wage_text)
register.simple_tag(formatting.footnote_ref, name="footnote_ref")
register.filter("signed", formatting.signed)
register.filter("count", formatting.count_text)
register.filter("rse_text", formatting.rse_text)
register.filter("ratio_text", formatting.ratio_text)
register.filter("reliability_text", formatting.reliability_text)
register.filter("coinciding_text", formatting.coinciding_text)
