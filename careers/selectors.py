"""Reads that span several models: a role's page."""

from django.db.models import Prefetch

from faq.models import FaqEntry

from .models import Company, Duty, EducationStep, Role, RoleSkill, SkillKind
from .querysets import cited_salaries, pick_salary


def role_page(slug):
    """Everything a published role's page shows, as template context; Role.DoesNotExist when
    there is no such published role. Ten queries, however many roles, skills or salaries."""
    published = Role.objects.published()
    role = (
        published.select_related("stage", "description_source")
        .prefetch_related(
            Prefetch(
                "role_skills",
                queryset=RoleSkill.objects.select_related("skill"),
                to_attr="skill_links",
            ),
            Prefetch("salaries", queryset=cited_salaries(), to_attr="salary_records"),
            Prefetch(
                "next_roles",
                queryset=published.with_cited_median().order_by("title", "pk"),
                to_attr="published_next_roles",
            ),
            Prefetch(
                "previous_roles",
                queryset=published.only("slug", "title").order_by("title", "pk"),
                to_attr="published_previous_roles",
            ),
            Prefetch("hiring_companies", queryset=Company.objects.order_by("name", "pk")),
            Prefetch(
                "faq_entries",
                queryset=FaqEntry.objects.published().order_by("topic", "order", "pk"),
                to_attr="published_faq_entries",
            ),
        )
        .get(slug=slug)
    )
    for next_role in role.published_next_roles:
        next_role.median_salary = pick_salary(next_role.median_salaries, "median")
    skills = role.skill_links
    return {
        "role": role,
        "technical_skills": [link for link in skills if link.skill.kind == SkillKind.TECHNICAL],
        "soft_skills": [link for link in skills if link.skill.kind == SkillKind.SOFT],
        "salaries": role.salary_records,
        "next_roles": role.published_next_roles,
        "previous_roles": role.published_previous_roles,
        "companies": role.hiring_companies.all(),
        "faq_entries": role.published_faq_entries,
        # The article's duties and steps into the field apply to every role.
        "duties": list(Duty.objects.select_related("source")),
        "education_steps": list(EducationStep.objects.select_related("source")),
    }
