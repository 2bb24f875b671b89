"""How many roles each skill, stage and company option of the role list would leave.

Four grouped counts per request (the guide's skills, BLS's qualities, stages, companies), whatever the number of options or roles: the page cache keeps
each query string's page, so they are counted only on a miss.
"""

from django.db.models import Count
from django.utils.html import format_html

from official.models import PageQuality

from .filters import flat_choices
from .models import Role, RoleSkill

COUNTED = ("skill", "stage", "company")


def _counts(rows):
    return {slug: n for slug, n in rows if slug is not None}


def option_counts(filterset, total):
    """{name: {slug: roles}} for the skill, stage and company options, or None when the filters
    are invalid (no roles are listed then). `total` is how many roles the filters find now.

    A skill is ticked on top of the others (a role must have every skill), so its count is taken
    from the roles found now; a stage or a company replaces the one chosen, so its count is taken
    from the roles found without that filter. A skill named for every role keeps them all.
    """
    if not filterset.is_valid():
        return None
    found = filterset.qs.order_by().values("pk")
    skills = _counts(
        RoleSkill.objects.filter(role__in=found)
        .order_by()
        .values("skill__slug")
        .annotate(n=Count("pk"))
        .values_list("skill__slug", "n")
    )
    # A quality is had by the roles whose official occupation's OOH page names it.
    named = PageQuality.objects.filter(page__projections__occupation__roles__in=found)
    qualities = _counts(
        named.order_by()
        .values("quality__slug")
        .annotate(n=Count("page__projections__occupation__roles", distinct=True))
        .values_list("quality__slug", "n")
    )
    for slug, n in qualities.items():
        # A quality spelled like a guide's skill is one option (read_skills()): either source.
        skills[slug] = skills.get(slug, 0) + n
    skills.update(dict.fromkeys(filterset.general_skills, total))
    stage_rows = list(
        filterset.without("stage")
        .order_by()
        .values("stage__slug")
        .annotate(n=Count("pk"))
        .values_list("stage__slug", "n")
    )
    hiring = Role.hiring_companies.through.objects.filter(
        role__in=filterset.without("company").order_by().values("pk")
    )
    companies = _counts(
        hiring.order_by()
        .values("company__slug")
        .annotate(n=Count("pk"))
        .values_list("company__slug", "n")
    )
    return {
        "skill": skills,
        "stage": _counts(stage_rows),
        "company": companies,
        # What the "any" options leave: every role the other filters find.
        "any_stage": sum(n for _, n in stage_rows),
    }


def _label(name, n, markup):
    if markup:
        return format_html('{} <span class="option-count">({})</span>', name, n)
    return f"{name} ({n})"


def show_option_counts(form, counts):
    """Write each option's count into its label; options that would leave no role are disabled
    (a chosen one stays enabled, so it can be unticked)."""
    if counts is None:
        return
    for name in COUNTED:
        field = form.fields[name]
        markup = name != "company"  # a <select>'s options hold text only
        chosen = form.data.getlist(name) if hasattr(form.data, "getlist") else []
        found = counts[name]
        choices = []
        for value, label in field.choices:
            if value == "":
                continue  # the field adds its empty ("any") choice itself: relabelled below
            if isinstance(label, (list, tuple)):
                options = [(v, _label(text, found.get(v, 0), markup)) for v, text in label]
                choices.append((value, options))
            else:
                choices.append((value, _label(label, found.get(value, 0), markup)))
        if name == "stage" and getattr(field, "empty_label", None):
            field.empty_label = _label(field.empty_label, counts["any_stage"], markup)
        field.choices = choices
        field.widget.disabled_values = {
            value
            for value, _ in flat_choices(choices)
            if value and not found.get(value) and value not in chosen
        }
