from django.views.generic import DetailView, ListView

from ..models import Company


class CompanyListView(ListView):
    model = Company
    template_name = "careers/company_list.html"


class CompanyDetailView(DetailView):
    model = Company
    template_name = "careers/company_detail.html"
