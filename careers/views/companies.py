from django.db.models import Count, Q
from django.views.generic import DetailView, ListView

from ..models import Company


class CompanyListView(ListView):
    template_name = "careers/company_list.html"
    context_object_name = "companies"

    def get_queryset(self):
        return Company.objects.annotate(
            role_count=Count("roles", filter=Q(roles__is_published=True), distinct=True)
        ).order_by("name")


class CompanyDetailView(DetailView):
    template_name = "careers/company_detail.html"
    context_object_name = "company"
    queryset = Company.objects.all()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["roles"] = self.object.roles.published().with_cited_median().order_by("title")
        return context
