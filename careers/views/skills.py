from django.views.generic import DetailView, ListView

from ..models import Skill


class SkillListView(ListView):
    model = Skill
    template_name = "careers/skill_list.html"


class SkillDetailView(DetailView):
    model = Skill
    template_name = "careers/skill_detail.html"
