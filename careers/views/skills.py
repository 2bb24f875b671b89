from django.db.models import Count, F, Q
from django.views.generic import DetailView, ListView

from ..filters import SKILL_GROUPS, skill_group
from ..models import Role, Skill
from ..official_outlook import bls_qualities


class SkillListView(ListView):
    template_name = "careers/skill_list.html"
    query_parameters = ()  # reads no query parameter (careerguide/cache.py)
    context_object_name = "skills"

    def get_queryset(self):
        return (
            Skill.objects.select_related("source")
            .annotate(role_count=Count("roles", filter=Q(roles__is_published=True), distinct=True))
            .order_by("order", "name")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        skills = list(context["skills"])
        groups = []
        for label in SKILL_GROUPS:
            members = [s for s in skills if skill_group(s.kind, s.is_programming_language) == label]
            groups.append(
                {
                    "label": label,
                    "skills": members,
                    # Credited where the list is shown: who lists these skills, and in what words.
                    "sources": list(dict.fromkeys(s.source for s in members if s.source)),
                    "scopes": list(
                        dict.fromkeys(
                            s.description for s in members if s.for_all_roles and s.description
                        )
                    ),
                }
            )
        context["groups"] = groups
        context["bls_qualities"] = bls_qualities()
        context["role_total"] = Role.objects.published().count()
        return context


class SkillDetailView(DetailView):
    template_name = "careers/skill_detail.html"
    query_parameters = ()  # reads no query parameter (careerguide/cache.py)
    context_object_name = "skill"
    queryset = Skill.objects.select_related("source")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        roles = Role.objects.published().filter(role_skills__skill=self.object)
        # The F() reuses the role_skills join the filter made, so each row is this skill's link.
        roles = roles.annotate(importance=F("role_skills__importance")).order_by(
            "importance", "title"
        )
        context["roles"] = roles.with_cited_median()
        return context
