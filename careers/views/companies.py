from django.db.models import Count, Exists, OuterRef, Q
from django.views.generic import DetailView, ListView

from ..models import Company, Role


class CompanyListView(ListView):
    template_name = "careers/company_list.html"
    query_parameters = ()  # reads no query parameter (careerguide/cache.py)
    context_object_name = "companies"

    def get_queryset(self):
        return Company.objects.annotate(
            role_count=Count("roles", filter=Q(roles__is_published=True), distinct=True)
        ).order_by("name")


class CompanyDetailView(DetailView):
    template_name = "careers/company_detail.html"
    query_parameters = ()  # reads no query parameter (careerguide/cache.py)
    context_object_name = "company"
    queryset = Company.objects.all()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["roles"] = roles = list(
            self.object.roles.published().with_cited_median().order_by("title")
        )
        if not roles:
            # Not a dead end: the companies whose roles the site does know.
            hiring = Role.objects.published().filter(hiring_companies=OuterRef("pk"))
            context["other_companies"] = Company.objects.filter(Exists(hiring)).order_by("name")
        return context
