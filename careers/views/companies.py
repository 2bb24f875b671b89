from django.db.models import Exists, OuterRef
from django.views.generic import DetailView, ListView

from ..models import Company, OutlookStatistic, Role

# The guide's sentence naming the employers of its February 2025 LinkedIn search: the figure
# and date the company pages cite for that list.
JOB_SEARCH_STATISTIC = "linkedin-machine-learning-engineer-search"

# The lists the guide names companies in, as (in_hiring_sample, in_job_search) -> heading of
# the companies without roles here; the order they are shown in.
LIST_GROUPS = [
    ((True, True), "In LinkedIn’s hiring sample and the February 2025 job search"),
    ((True, False), "In LinkedIn’s hiring sample"),
    ((False, True), "In the February 2025 job search"),
    ((False, False), "In neither LinkedIn list"),
]


def job_search_statistic():
    return OutlookStatistic.objects.select_related("source").filter(slug=JOB_SEARCH_STATISTIC)


class CompanyListView(ListView):
    """Companies with roles on this site first, each with its roles; then the others, compact,
    grouped by the LinkedIn lists that name them."""

    template_name = "careers/company_list.html"
    query_parameters = ()  # reads no query parameter (careerguide/cache.py)
    context_object_name = "companies"

    def get_queryset(self):
        return Company.objects.with_published_roles().order_by("name", "pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        companies = list(context["companies"])
        without = [c for c in companies if not c.published_roles]
        context.update(
            companies=companies,
            with_roles=[c for c in companies if c.published_roles],
            without_roles=without,
            without_groups=[
                (heading, members)
                for key, heading in LIST_GROUPS
                if (members := [c for c in without if (c.in_hiring_sample, c.in_job_search) == key])
            ],
        )
        return context


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
        if self.object.in_job_search:
            # What the guide says of that search: its result count, source and date.
            context["job_search"] = job_search_statistic().first()
        if not roles:
            # Not a dead end: the companies whose roles the site does know.
            hiring = Role.objects.published().filter(hiring_companies=OuterRef("pk"))
            context["other_companies"] = Company.objects.filter(Exists(hiring)).order_by("name")
        return context
