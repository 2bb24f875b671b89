from django.db.models import Count, Q
from django.views.generic import DetailView, ListView

from ..models import Company
from .cited_pay import roles_with_cited_pay


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
        context["roles"] = roles_with_cited_pay(self.object.roles.published().order_by("title"))
        return context
