from django.db.models import Count, F, Q
from django.views.generic import DetailView, ListView

from ..models import Role, Skill, SkillKind


class SkillListView(ListView):
    template_name = "careers/skill_list.html"
    context_object_name = "skills"

    def get_queryset(self):
        return Skill.objects.annotate(
            role_count=Count("roles", filter=Q(roles__is_published=True), distinct=True)
        ).order_by("order", "name")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        skills = list(context["skills"])
        context["groups"] = [
            (kind.label, [s for s in skills if s.kind == kind.value]) for kind in SkillKind
        ]
        return context


class SkillDetailView(DetailView):
    template_name = "careers/skill_detail.html"
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
