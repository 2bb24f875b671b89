"""Visitor tools: which roles fit the skills you have (/match/), roles side by side (/compare/)."""

from django.db.models import prefetch_related_objects
from django.http import QueryDict
from django.urls import reverse
from django.views.generic import ListView, TemplateView

from core.querystrings import form_query
from official.models import Area

from ..area_choice import AreaChoiceForm, AreaChoiceMixin
from ..dates import list_dates, section_dates
from ..filters import flat_choices
from ..forms import COMPARE_MAX, COMPARE_MIN, FIND_LIMIT, CompareForm, MatchForm
from ..models import EducationStep, Role
from ..official_outlook import role_projections, role_qualities
from ..pay_notes import PayNotes
from ..querysets import national_estimates
from ..selectors import official_footnotes, official_release


def _compare_href(slugs, area=None):
    """/compare/ with these roles and the visitor's area (None: the nation, no area)."""
    params = QueryDict(mutable=True)
    params.setlist("role", slugs)
    if area is not None:
        params["area"] = area.code
    path = reverse("careers:compare")
    return f"{path}?{params.urlencode()}" if params else path


class MatchView(AreaChoiceMixin, ListView):
    """/match/?have=python&have=deep-learning: roles ranked by how much of their skills you have,
    each with its official median in the visitor's `area` (the nation by default)."""

    template_name = "careers/match.html"
    query_parameters = (MatchForm, AreaChoiceForm)  # and `page`: what the page cache keys
    context_object_name = "roles"
    paginate_by = 25
    official_area = None

    def get_queryset(self):
        self.form = MatchForm(self.request.GET)
        self.have = self.form.cleaned_data["have"] if self.form.is_valid() else []
        area = self.read_area(carried=form_query(self.form))
        if not self.have:
            return Role.objects.none()
        roles = Role.objects.published().for_export().matching_skills(self.have)
        # Each role's official (BLS) median in the visitor's area (the nation unless chosen)
        # beside the guide's, when imported.
        self.official_area = area or Area.objects.national().first()
        if self.official_area is not None:
            roles = roles.with_official_median(self.official_area)
        return roles

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        roles = list(context["roles"])
        have = set(self.have)
        # The skills the guide names for every role count for each (as /skills/ says), shown
        # once per role beside its own; read with the form's choices, no query of their own.
        general = [
            (slug, name)
            for slug, name in flat_choices(self.form.fields["have"].choices)
            if slug in self.form.general_skills
        ]
        qualities = role_qualities(roles)
        for role in roles:
            role.covered = [link for link in role.listed_skills if link.skill.slug in have]
            role.missing = [link for link in role.listed_skills if link.skill.slug not in have]
            named = qualities.get(role.pk, [])
            role.covered_qualities = [row for row in named if row.quality.slug in have]
            role.missing_qualities = [row for row in named if row.quality.slug not in have]
            role.coverage_percent = round(role.coverage * 100)
        context.update(
            roles=roles,
            object_list=roles,
            form=self.form,
            have=self.have,
            general_have=[(slug, name) for slug, name in general if slug in have],
            general_missing=[(slug, name) for slug, name in general if slug not in have],
            pay_notes=PayNotes(roles),
            chosen_skills=[
                (slug, name)
                for slug, name in flat_choices(self.form.fields["have"].choices)
                if slug in have
            ],
        )
        context["link_query"] = form_query(self.form)
        if self.have and self.official_area is not None:
            context["official_area"] = self.official_area
            context["official_release"] = official_release()
            context["official_footnotes"] = official_footnotes(
                role.bls_median_footnote for role in roles
            )
        context["list_dates"] = list_dates(
            roles, context["pay_notes"], context.get("official_release")
        )
        if self.have:
            params = QueryDict(mutable=True)
            params.setlist("skill", self.have)
            if self.area_choice.area is not None:
                params["area"] = self.area_choice.code
            context["list_href"] = f"{reverse('careers:role_list')}?{params.urlencode()}"
        return context


def skill_rows(roles):
    """One row per skill any of `roles` lists: (skill, [importance label or None per role],
    listed by every role?, listed by one role only?). Shared skills first, then by how many of
    the roles list it."""
    rows = {}
    for index, role in enumerate(roles):
        for link in role.listed_skills:
            row = rows.setdefault(link.skill.pk, (link.skill, [None] * len(roles)))
            row[1][index] = link.get_importance_display()
    found = [
        (skill, cells, all(cells), sum(1 for cell in cells if cell) == 1)
        for skill, cells in rows.values()
    ]
    found.sort(
        key=lambda row: (
            -sum(1 for cell in row[1] if cell),
            row[0].kind != "technical",
            row[0].order,
            row[0].name,
        )
    )
    return found


class CompareView(AreaChoiceMixin, TemplateView):
    """/compare/?role=a&role=b: 2 to 4 roles side by side, with `area` the official medians
    there too. The URL is the whole state."""

    template_name = "careers/compare.html"
    query_parameters = (CompareForm, AreaChoiceForm)  # what the page cache keys it by

    def get(self, request, *args, **kwargs):
        context = self.get_context_data(**kwargs)
        status = 400 if context["errors"] else 200
        return self.render_to_response(context, status=status)

    def get_context_data(self, **kwargs):
        form = CompareForm(self.request.GET)
        local = self.read_area(carried=form_query(form))  # a state or metro area, or None
        context = super().get_context_data(**kwargs)
        context.update(
            form=form, errors=[], roles=[], compare_min=COMPARE_MIN, compare_max=COMPARE_MAX
        )
        if not form.is_valid():
            context["errors"] = [error for errors in form.errors.values() for error in errors]
            return context
        slugs = form.cleaned_data["role"]
        roles = (
            Role.objects.published().filter(slug__in=slugs).select_related("official_occupation")
        )
        if local is not None:
            roles = roles.with_official_median(local)  # one JOIN: the area's median, `bls_median`
        found = {role.slug: role for role in roles.for_compare()}
        missing = [slug for slug in slugs if slug not in found]
        if missing:
            context["errors"] = [f"“{slug}” is not a role on this site." for slug in missing]
            return context
        roles = [found[slug] for slug in slugs]  # in the order the visitor chose
        # Read once the roles are known to exist: an invalid comparison costs no more.
        prefetch_related_objects(roles, national_estimates())
        estimates = [role.national_estimate for role in roles if role.national_estimate]
        if estimates:
            context["official_release"] = estimates[0].release
            codes = [e.median_footnote for e in estimates]
            if local is not None:
                codes += [role.bls_median_footnote for role in roles]
            context["official_footnotes"] = official_footnotes(codes)
        role_projections(roles)
        # The table's one date line: every figure it shows, guide's and BLS's.
        context["compare_dates"] = section_dates(
            [(role.median_salary, role.range_salary) for role in roles],
            [estimate.release for estimate in estimates],
            [role.handbook.page for role in roles if role.handbook],
        )
        for role in roles:
            role.remove_href = _compare_href([s for s in slugs if s != role.slug], local)
        context.update(roles=roles, slugs=slugs, local_area=local)
        if len(roles) >= COMPARE_MIN:
            context["skill_rows"] = skill_rows(roles)
            context["education_steps"] = list(EducationStep.objects.select_related("source"))
        find = form.cleaned_data["find"].strip()
        if find and len(roles) < COMPARE_MAX:
            # The list's own word search; a link per role adds it to this comparison.
            found_roles = (
                Role.objects.published()
                .search(find)
                .exclude(slug__in=slugs)
                .order_by("title", "pk")
                .only("slug", "title")[:FIND_LIMIT]
            )
            context["find"] = find
            context["found"] = [
                (role, _compare_href([*slugs, role.slug], local)) for role in found_roles
            ]
        return context
