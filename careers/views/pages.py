from django.views.generic import TemplateView

from ..models import Role


class HomeView(TemplateView):
    template_name = "careers/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["roles"] = Role.objects.for_list().order_by("title")
        return context


class OutlookView(TemplateView):
    template_name = "careers/outlook.html"


class PathView(TemplateView):
    template_name = "careers/path.html"
