"""JSON shapes of the guide's records. Every figure is nested with its source and as-of date."""

from types import SimpleNamespace

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from careers.models import Company, Importance, Role, Salary, Skill, Source
from faq.models import FaqEntry
from official.models import FIGURES, HANDBOOK_SPAN, RSE_FIGURES

IMPORTANCE_NAMES = [label.lower() for label in Importance.labels]


class SourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ["slug", "publisher", "title", "url"]


class CitedMixin(serializers.Serializer):
    """Where a figure comes from and when it was true (as precise as the source: month or year;
    null when the source gives no date)."""

    source = SourceSerializer()
    as_of = serializers.DateField(allow_null=True)
    as_of_precision = serializers.CharField()


class SalarySerializer(CitedMixin, serializers.ModelSerializer):
    """One source's pay record for a role: any of median, average, low and high."""

    class Meta:
        model = Salary
        fields = [
            "median",
            "average",
            "low",
            "high",
            "currency",
            "period",
            "basis",
            "region",
            "source",
            "as_of",
            "as_of_precision",
        ]


class MedianPaySerializer(CitedMixin, serializers.Serializer):
    """The role's median pay: the newest record that gives one (what the list sorts by)."""

    amount = serializers.IntegerField(source="median")
    currency = serializers.CharField()
    basis = serializers.CharField()


class PayRangeSerializer(CitedMixin, serializers.Serializer):
    """The role's pay range: both ends from one record, the newest that gives both."""

    low = serializers.IntegerField()
    high = serializers.IntegerField()
    currency = serializers.CharField()
    basis = serializers.CharField()


class StageSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


class RoleSkillSerializer(serializers.Serializer):
    slug = serializers.SlugField(source="skill.slug")
    name = serializers.CharField(source="skill.name")
    importance = serializers.SerializerMethodField()

    @extend_schema_field(serializers.ChoiceField(choices=IMPORTANCE_NAMES))
    def get_importance(self, link) -> str:
        return Importance(link.importance).label.lower()


class RoleLinkSerializer(serializers.ModelSerializer):
    api_url = serializers.HyperlinkedIdentityField(view_name="api:role-detail", lookup_field="slug")

    class Meta:
        model = Role
        fields = ["slug", "title", "api_url"]


class CompanySerializer(serializers.ModelSerializer):
    class Meta:
        model = Company
        fields = ["slug", "name", "url", "in_hiring_sample", "in_job_search"]


class AreaSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="US, a state's postal code or a metro area code.")
    # The name pages show: "United States" for the nation (BLS's file says "National").
    name = serializers.CharField(
        source="display_name", help_text="As pages name it, e.g. United States or California."
    )


class OccupationSerializer(serializers.Serializer):
    soc_code = serializers.CharField()
    title = serializers.CharField()


class OfficialCitedMixin(serializers.Serializer):
    """BLS OEWS figures cite their release: its source, the month they describe (as_of) and
    the date of BLS's data file (`file_dated`: no publication date is stated anywhere)."""

    source = SourceSerializer(source="release.source")
    release = serializers.CharField(source="release.name")
    as_of = serializers.DateField(source="release.as_of")
    file_dated = serializers.DateField(source="release.published_on")


class OfficialMedianSerializer(OfficialCitedMixin, serializers.Serializer):
    """The official (BLS) median of the role's matched occupation in the chosen area. `median`
    is null where BLS publishes none; a top-coded median is BLS's lower bound
    (`top_coded`: the true median is that or more)."""

    area = AreaSerializer()
    occupation = OccupationSerializer()
    match = serializers.ChoiceField(choices=["exact", "closest"])
    median = serializers.IntegerField(allow_null=True)
    top_coded = serializers.BooleanField()
    footnote = serializers.CharField(help_text="BLS footnote code, empty if none.")

    def to_representation(self, role):
        """A listed role (annotated by RoleQuerySet.with_official_median()) in the context's
        `official_area`, citing its `official_release`; None without either, or without an
        official occupation."""
        area = self.context.get("official_area")
        release = self.context.get("official_release")
        if area is None or release is None or role.official_occupation_id is None:
            return None
        median = SimpleNamespace(
            area=area,
            occupation=role.official_occupation,
            match=role.official_match,
            median=role.bls_median,
            top_coded=bool(role.bls_median_top_coded),  # NULL where the area has no estimate
            footnote=role.bls_median_footnote or "",
            release=release,
        )
        return super().to_representation(median)


class OfficialEstimateSerializer(OfficialCitedMixin, serializers.Serializer):
    """Every national figure BLS publishes for the role's matched occupation; a figure is
    null where BLS did not release it (its footnote says why)."""

    area = AreaSerializer()
    occupation = OccupationSerializer()
    match = serializers.ChoiceField(choices=["exact", "closest"])
    employment = serializers.IntegerField(allow_null=True)
    mean = serializers.IntegerField(allow_null=True)
    p10 = serializers.IntegerField(allow_null=True)
    p25 = serializers.IntegerField(allow_null=True)
    median = serializers.IntegerField(allow_null=True)
    p75 = serializers.IntegerField(allow_null=True)
    p90 = serializers.IntegerField(allow_null=True)
    # BLS's relative standard errors, percent, as the file writes them (one decimal): how
    # precise the employment and the mean wage are. BLS publishes none for the percentiles.
    employment_rse = serializers.DecimalField(
        max_digits=4,
        decimal_places=1,
        allow_null=True,
        help_text="Relative standard error of the employment, percent (BLS footnote 3).",
    )
    mean_rse = serializers.DecimalField(
        max_digits=4,
        decimal_places=1,
        allow_null=True,
        help_text="Relative standard error of the mean wage, percent (BLS footnote 3).",
    )
    footnotes = serializers.DictField(
        child=serializers.CharField(), help_text="BLS footnote code per figure that has one."
    )

    def to_representation(self, role):
        """A role's national estimate (RoleQuerySet.with_national_estimate()), or None."""
        estimate = role.national_estimate
        if estimate is None:
            return None
        national = SimpleNamespace(
            area=estimate.area,
            occupation=role.official_occupation,
            match=role.official_match,
            release=estimate.release,
            footnotes={
                name: getattr(estimate, f"{name}_footnote")
                for name in (*FIGURES, *RSE_FIGURES)
                if getattr(estimate, f"{name}_footnote")
            },
            **{name: getattr(estimate, name) for name in (*FIGURES, *RSE_FIGURES)},
        )
        return super().to_representation(national)


class HandbookSourceSerializer(serializers.Serializer):
    """The BLS Occupational Outlook Handbook page a figure comes from."""

    url = serializers.URLField()
    title = serializers.CharField()
    last_modified = serializers.DateField(help_text="The 'Last Modified Date' the page prints.")
    visited_on = serializers.DateField(help_text="The visit date in the page's citation.")


class OutlookFiguresMixin(serializers.Serializer):
    """BLS's 2024-34 projection for the role's official occupation and what its Occupational
    Outlook Handbook page gives as the way in, cited to the page (`source`: its address and
    last-modified date). On a group page (`group` set) the openings, outlook phrase and
    requirements are the group's; the employment figures are always the occupation's own."""

    span = serializers.CharField(default="2024-34")
    soc_code = serializers.CharField(source="projection.soc_code")
    occupation = serializers.CharField(source="projection.title")
    group = serializers.CharField(
        source="page_row.title",
        allow_null=True,
        help_text="Null when the page is the occupation's.",
    )
    employment_2024 = serializers.IntegerField(source="projection.employment_2024")
    employment_2034 = serializers.IntegerField(source="projection.employment_2034")
    change_percent = serializers.IntegerField(source="projection.change_percent")
    change_number = serializers.IntegerField(source="projection.change_number")
    median_pay_may_2024 = serializers.IntegerField(source="projection.median_pay_2024")
    openings_per_year = serializers.IntegerField(source="page.openings_per_year")
    outlook_phrase = serializers.CharField(source="page.outlook_phrase")
    entry_education = serializers.CharField(
        source="page.entry_education",
        help_text="As printed; 'See How to Become One' where BLS gives no single answer.",
    )
    work_experience = serializers.CharField(source="page.work_experience")
    on_the_job_training = serializers.CharField(source="page.on_the_job_training")
    source = HandbookSourceSerializer(source="page")


class OfficialOutlookSerializer(OutlookFiguresMixin, serializers.Serializer):
    """The role page's outlook: the projection and way in, and the qualities BLS names (the
    group's on a group page)."""

    important_qualities = serializers.ListField(child=serializers.CharField())

    def to_representation(self, role):
        # Assembled by the view (api.views.official_outlook) and handed over in the context.
        found = self.context.get("official_outlook")
        return None if found is None else super().to_representation(found)


class ListedOutlookSerializer(OutlookFiguresMixin, serializers.Serializer):
    """A listed role's outlook: the detail's figures (its qualities left to the role's own
    endpoint), read from RoleQuerySet.with_outlook()'s annotations."""

    def to_representation(self, role):
        if getattr(role, "outlook_page_url", None) is None:
            return None
        found = SimpleNamespace(
            span=HANDBOOK_SPAN,
            projection=SimpleNamespace(
                soc_code=role.outlook_soc_code,
                title=role.outlook_title,
                employment_2024=role.outlook_employment_2024,
                employment_2034=role.outlook_employment_2034,
                change_percent=role.outlook_change_percent,
                change_number=role.outlook_change_number,
                median_pay_2024=role.outlook_median_pay_2024,
            ),
            page_row=SimpleNamespace(title=role.outlook_group),
            page=SimpleNamespace(
                url=role.outlook_page_url,
                title=role.outlook_page_title,
                last_modified=role.outlook_last_modified,
                visited_on=role.outlook_visited_on,
                openings_per_year=role.outlook_openings_per_year,
                outlook_phrase=role.outlook_phrase,
                entry_education=role.outlook_entry_education,
                work_experience=role.outlook_work_experience,
                on_the_job_training=role.outlook_on_the_job_training,
            ),
        )
        return super().to_representation(found)


class RoleSerializer(serializers.ModelSerializer):
    """A row of the role list."""

    url = serializers.SerializerMethodField(help_text="The role's page on this site.")
    api_url = serializers.HyperlinkedIdentityField(view_name="api:role-detail", lookup_field="slug")
    career_stage = StageSerializer(source="stage", allow_null=True)
    median_pay = MedianPaySerializer(source="median_salary", allow_null=True)
    pay_range = PayRangeSerializer(source="range_salary", allow_null=True)
    skills = RoleSkillSerializer(source="listed_skills", many=True)
    official_median = OfficialMedianSerializer(
        source="*",
        allow_null=True,
        help_text="Null when no official occupation is matched or loaded.",
    )
    official_roles_sharing = serializers.IntegerField(
        allow_null=True,
        read_only=True,
        help_text="How many published roles, this one included, are mapped to the same official "
        "occupation and so show the same official figures (2 or more: the figures do not tell "
        "them apart). Null when no official occupation is matched.",
    )
    official_outlook = ListedOutlookSerializer(
        source="*",
        allow_null=True,
        help_text="Null when no official occupation is matched or no imported OOH page covers it.",
    )

    class Meta:
        model = Role
        fields = [
            "slug",
            "title",
            "summary",
            "url",
            "api_url",
            "career_stage",
            "median_pay",
            "pay_range",
            "skills",
            "official_median",
            "official_roles_sharing",
            "official_outlook",
        ]

    def get_url(self, role) -> str:
        return self.context["request"].build_absolute_uri(role.get_absolute_url())


class RoleDetailSerializer(RoleSerializer):
    """A role's page: its description, every pay record, next steps and companies hiring."""

    description_source = SourceSerializer(allow_null=True)
    salaries = SalarySerializer(source="salary_records", many=True)
    next_roles = RoleLinkSerializer(source="published_next_roles", many=True)
    hiring_companies = CompanySerializer(source="companies_hiring", many=True)
    official_national = OfficialEstimateSerializer(
        source="*",
        allow_null=True,
        help_text="Null when no official occupation is matched or loaded.",
    )
    official_outlook = OfficialOutlookSerializer(
        source="*",
        allow_null=True,
        help_text="Null when no official occupation is matched or no imported OOH page covers it.",
    )

    class Meta(RoleSerializer.Meta):
        fields = [
            *[
                name
                for name in RoleSerializer.Meta.fields
                if name not in ("official_median", "official_outlook")
            ],
            "official_national",
            "official_outlook",
            "description",
            "description_source",
            "salaries",
            "next_roles",
            "hiring_companies",
        ]


class SkillSerializer(serializers.ModelSerializer):
    source = SourceSerializer(allow_null=True)

    class Meta:
        model = Skill
        fields = ["slug", "name", "kind", "is_programming_language", "description", "source"]


class FaqEntrySerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text="The answer on this site's FAQ page.")
    source = SourceSerializer(allow_null=True)
    related_roles = RoleLinkSerializer(source="published_roles", many=True)

    class Meta:
        model = FaqEntry
        fields = ["slug", "question", "answer", "topic", "url", "source", "related_roles"]

    def get_url(self, entry) -> str:
        return self.context["request"].build_absolute_uri(entry.get_absolute_url())
