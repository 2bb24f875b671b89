"""Reads that span several models: a role's page."""

from faq.models import FaqEntry

from .models import Duty, EducationStep, Role, Skill, SkillKind
from .querysets import cited_salaries, pick_salary


def role_page(slug):
    """Everything a published role's page shows, as template context; Role.DoesNotExist when
    there is no such published role. Eleven queries, however many roles, skills or salaries.

    One page of one role: each list is its own query through the role's related managers
    (measured: prefetch_related's machinery cost as much again as the ten queries themselves).
    """
    published = Role.objects.published()
    role = published.select_related("stage", "description_source").get(slug=slug)
    skills = list(role.role_skills.select_related("skill__source"))
    technical = [link for link in skills if link.skill.kind == SkillKind.TECHNICAL]
    salaries = list(cited_salaries().filter(role=role))
    next_roles = list(
        published.filter(previous_roles=role).with_cited_median().order_by("title", "pk")
    )
    for next_role in next_roles:
        next_role.median_salary = pick_salary(next_role.median_salaries, "median")
    return {
        "role": role,
        "technical_skills": technical,
        # Who lists them (TechRepublic for the guide's list), credited where the list is shown.
        "technical_sources": list(
            dict.fromkeys(link.skill.source for link in technical if link.skill.source)
        ),
        "soft_skills": [link for link in skills if link.skill.kind == SkillKind.SOFT],
        # Named by the source for machine learning roles in general (Skill.for_all_roles).
        "general_skills": list(
            Skill.objects.filter(for_all_roles=True)
            .select_related("source")
            .order_by("is_programming_language", "kind", "order", "name")
        ),
        "salaries": salaries,
        "median_salary": pick_salary(salaries, "median"),
        "next_roles": next_roles,
        "previous_roles": list(
            published.filter(next_roles=role).only("slug", "title").order_by("title", "pk")
        ),
        "companies": list(role.hiring_companies.order_by("name", "pk")),
        "faq_entries": list(
            FaqEntry.objects.published().filter(related_roles=role).order_by("topic", "order", "pk")
        ),
        # The article's duties and steps into the field apply to every role.
        "duties": list(Duty.objects.select_related("source")),
        "education_steps": list(EducationStep.objects.select_related("source")),
    }
