"""Reads that span several models: a role's page."""

from official.charts import range_chart
from official.footnotes import RSE_EXPLAINED
from official.models import FIGURES, RSE_FIGURES, Footnote, Release, WageEstimate
from official.selectors import where_the_jobs_are

from .models import Duty, EducationStep, Role, Skill, SkillKind
from .official_outlook import role_outlook


def role_page(slug, area=None):
    """Everything a published role's page shows, as template context; Role.DoesNotExist when
    there is no such published role. Thirteen queries, however many roles, skills or salaries
    (and one for the next roles' national estimates where any has an official occupation, one
    for the estimate in `area`, a state or metro Area, where the role has an occupation).

    One page of one role: the role comes with its pay records and national estimate by the
    same recipes as every other page (`role.median_salary`, `role.national_estimate`); each
    other list is its own query through the role's related managers (measured:
    prefetch_related's machinery cost as much again as those queries themselves).
    """
    published = Role.objects.published()
    role = (
        published.select_related("stage", "description_source")
        .with_national_estimate()
        .with_salary_records()
        .with_shared_official()
        .with_alternatives(national=True)
        .get(slug=slug)
    )
    skills = list(role.role_skills.select_related("skill__source"))
    technical = [link for link in skills if link.skill.kind == SkillKind.TECHNICAL]
    others = alternatives(role)
    # Each with its official occupation's national median, shown where the guide gives no pay.
    next_roles = list(
        published.filter(previous_roles=role)
        .with_cited_median()
        .with_national_estimate()
        .order_by("title", "pk")
    )
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
        "salaries": role.salary_records,
        "median_salary": role.median_salary,
        **official_pay(role, others, local_estimate(role, area)),
        "alternatives": others,
        "alternatives_release": next(
            (other.national_estimate.release for other in others if other.national_estimate), None
        ),
        **where_the_jobs_are(role.official_occupation),
        **role_outlook(role),
        "next_roles": next_roles,
        # What the next steps' date line covers: the pay each shows.
        "next_salaries": [
            next_role.median_salaries[0] for next_role in next_roles if next_role.median_salaries
        ],
        "previous_roles": list(
            published.filter(next_roles=role).only("slug", "title").order_by("title", "pk")
        ),
        "companies": list(role.hiring_companies.order_by("name", "pk")),
        # Through the relation the faq app declares on its entries: careers imports no faq module.
        "faq_entries": list(role.faq_entries.published().order_by("topic", "order", "pk")),
        # The article's duties and steps into the field apply to every role.
        "duties": list(Duty.objects.select_related("source")),
        "education_steps": list(EducationStep.objects.for_display()),
    }


def local_estimate(role, area):
    """The role's official occupation's estimate in `area` (the visitor's, a state or metro
    Area: careers/area_choice.py never chooses the nation), or None: none chosen, no occupation
    or no estimate there."""
    if area is None or role.official_occupation_id is None:
        return None
    return WageEstimate.objects.in_area(role.official_occupation_id, area).first()


def official_pay(role, others=(), local=None):
    """The role's official occupation's national estimate (and `local`, its estimate in the
    visitor's area), its chart beside the guide's median and the footnotes they and the
    alternatives' estimates (`others`) use; no query but the footnotes' (the estimates come
    with the role)."""
    estimate = role.national_estimate
    estimates = [estimate, local, *(other.national_estimate for other in others)]
    present = [e for e in estimates if e is not None]
    codes = [e.figure(name)[1] for e in present for name in (*FIGURES, *RSE_FIGURES)]
    if present:
        codes.append(RSE_EXPLAINED)
    if role.official_occupation_id is None:
        return {"official_estimate": None, "official_footnotes": official_footnotes(codes)}
    guide_salary = role.median_salary
    guide_median = guide_salary.median if guide_salary else None
    return {
        "official_estimate": estimate,
        "local_estimate": local,
        "official_chart": range_chart(estimate, guide_median),
        "guide_salary": guide_salary,
        "official_footnotes": official_footnotes(codes),
    }


def alternatives(role):
    """The role's alternative occupations (RoleQuerySet.with_alternatives()), its own official
    occupation left out should an editor have listed it too."""
    return [alt for alt in role.alternatives if alt.occupation_id != role.official_occupation_id]


def official_release():
    """The imported BLS release every official figure cites (None before import_oews)."""
    return Release.objects.select_related("source").first()


def official_footnotes(codes):
    """The BLS footnotes with these codes, in BLS's words (no query when there are none)."""
    codes = {code for code in codes if code}
    return list(Footnote.objects.filter(code__in=codes)) if codes else []
