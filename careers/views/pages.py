"""Home, job outlook and career path: the article's prose pages, built from its data."""

from django.db.models import Prefetch, prefetch_related_objects
from django.urls import reverse
from django.views.generic import TemplateView

from official.forms import OUTLOOK_DEFAULT_SORT, OutlookSortForm
from official.selectors import reliability_note

from .. import path_graph
from ..area_choice import AreaChoiceForm, AreaChoiceMixin
from ..dates import section_dates
from ..models import (
    Application,
    CareerStage,
    EducationStep,
    OutlookStatistic,
    Quote,
    QuoteTopic,
    Role,
    Source,
)
from ..official_outlook import outlook_table
from ..pay_notes import PayNotes
from ..querysets import national_estimates, salary_records


def outlook_statistics():
    return OutlookStatistic.objects.select_related("source")


def group_by_statement(statistics):
    """Neighbouring figures quoted from one statement, as groups: the statement is shown once
    for its group, not once per figure."""
    groups = []
    for statistic in statistics:
        if groups and groups[-1]["statement"] == statistic.statement:
            groups[-1]["statistics"].append(statistic)
        else:
            groups.append({"statement": statistic.statement, "statistics": [statistic]})
    for group in groups:
        group["shared"] = len(group["statistics"]) > 1
    return groups


class HomeView(AreaChoiceMixin, TemplateView):
    template_name = "careers/home.html"
    query_parameters = (AreaChoiceForm,)  # the visitor's area, which its links carry

    # The home page's short table of roles by pay; the full list is one click away.
    TOP_PAID_ROLES = 5

    def get_context_data(self, **kwargs):
        self.read_area()
        context = super().get_context_data(**kwargs)
        roles = list(
            Role.objects.published()
            .filter(median_pay__isnull=False)
            .with_cited_median()
            .order_by("-median_pay", "title", "pk")[: self.TOP_PAID_ROLES]
        )
        context["top_paid_roles"] = roles
        # One citation under the table when every figure in it has the same source and date.
        shown = [role.median_salaries[0] for role in roles if role.median_salaries]
        cited = {(s.source_id, s.as_of, s.as_of_precision, s.basis) for s in shown}
        context["top_paid_citation"] = (
            shown[0] if len(shown) == len(roles) and len(cited) == 1 else None
        )
        context["top_paid_dates"] = section_dates(shown)
        # Only figures with a number are headlines; worded ones stay on the outlook page.
        statistics = list(outlook_statistics().filter(value__isnull=False))
        context["statistic_groups"] = group_by_statement(statistics)
        context["statistic_dates"] = section_dates(statistics)
        context["definitions"] = Quote.objects.filter(topic=QuoteTopic.DEFINITION).select_related(
            "source"
        )
        # In the article's order; the template groups neighbours that share a source.
        context["applications"] = Application.objects.select_related("source")
        return context


class AboutView(TemplateView):
    """/about/: where the data come from, how figures are dated, what "no data" means."""

    template_name = "careers/about.html"
    query_parameters = ()  # reads no query parameter (careerguide/cache.py)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sources"] = Source.objects.order_by("publisher", "title", "pk")
        # BLS's own explanation of the relative standard errors the pages show.
        context.update(reliability_note())
        return context


class OutlookView(TemplateView):
    """/outlook/: BLS's projections for every occupation the site has (?sort= any column),
    then the guide's quoted figures."""

    template_name = "careers/outlook.html"
    query_parameters = ()  # reads no query parameter (careerguide/cache.py)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = OutlookSortForm(self.request.GET)
        context["outlook_form"] = form
        context.update(outlook_table(form.value("sort", OUTLOOK_DEFAULT_SORT)))
        statistics = list(outlook_statistics())
        # A card shows a figure; what a source says only in words is context beside them.
        context["statistic_groups"] = group_by_statement(
            [s for s in statistics if s.value is not None]
        )
        context["worded"] = [s for s in statistics if s.value is None]
        context["statistic_dates"] = section_dates(statistics)
        return context


class PathView(TemplateView):
    template_name = "careers/path.html"
    query_parameters = ()  # reads no query parameter (careerguide/cache.py)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["profession_quotes"] = Quote.objects.filter(
            topic=QuoteTopic.PROFESSION
        ).select_related("source")
        context["steps"] = steps = list(EducationStep.objects.for_display())
        context["stages"] = stages = CareerStage.objects.select_related("source").prefetch_related(
            Prefetch(
                "roles",
                queryset=Role.objects.published()
                .select_related("official_occupation")
                .order_by("title"),
                to_attr="published_roles",
            )
        )
        context["graph"] = graph = self.graph(stages, steps)
        context.update(path_pay(graph["roles"]))
        return context

    def graph(self, stages, steps):
        """The map's columns, arrows and evidence groups (careers/path_graph.py)."""
        links = list(
            Role.next_roles.through.objects.filter(
                from_role__is_published=True, to_role__is_published=True
            ).values_list("from_role_id", "to_role_id")
        )
        linked = {pk for link in links for pk in link}
        unstaged = Role.objects.published().filter(stage__isnull=True, pk__in=linked)
        role_list = reverse("careers:role_list")
        columns, edges, groups, width, height = path_graph.layout(
            stages,
            list(unstaged.select_related("official_occupation")),
            links,
            faq_entries_naming_roles(),
            steps,
            list_href=lambda stage: f"{role_list}?stage={stage.slug}",
        )
        return {
            "columns": columns,
            "edges": edges,
            "groups": groups,
            "roles": [node.role for column in columns for node in column.nodes],
            "width": width,
            "height": height,
        }


def path_pay(roles):
    """The pay beside each role on the map: the guide's median where it gives one, else the
    national median of the role's official occupation. Two queries for the roles shown (at
    most eight a stage), each source cited once: the guide's as numbered notes, BLS's release.
    """
    prefetch_related_objects(roles, salary_records(Role.objects), national_estimates())
    releases = {
        role.national_estimate.release_id: role.national_estimate.release
        for role in roles
        if role.median_salary is None and role.national_estimate is not None
    }
    return {
        "pay_notes": PayNotes(roles, figures=("median_salary",)),
        "official_releases": list(releases.values()),
    }


def faq_entries_naming_roles():
    """The published FAQ entries that name a published role, in the FAQ's order: the path's
    numbered steps come from them. Read through the relation the faq app declares on its
    entries (faq depends on careers, never the reverse)."""
    links = (
        Role.faq_entries.through.objects.filter(
            role__is_published=True, faqentry__is_published=True
        )
        .select_related("faqentry__source")
        .order_by("faqentry__topic", "faqentry__order", "faqentry__pk")
    )
    return list({link.faqentry_id: link.faqentry for link in links}.values())
