"""The loaded data says exactly what the article says: every figure, name, date and answer.

Expected values below are copied from the article, not from the fixtures, so a typo in
either shows up here.
"""

import datetime
import os
import re
from decimal import Decimal
from pathlib import Path

import pytest

from careers.models import (
    Application,
    AsOfPrecision,
    CareerStage,
    Company,
    Duty,
    EducationPassage,
    EducationStep,
    Importance,
    OutlookStatistic,
    Quote,
    Role,
    RoleSkill,
    Salary,
    Skill,
    SkillKind,
)
from careers.querysets import PAY_RANGE, pick_salary
from faq.models import FaqEntry

pytestmark = pytest.mark.usefixtures("article_data")

FEBRUARY_2025 = datetime.date(2025, 2, 1)
ARTICLE = Path(os.environ.get("CAREERGUIDE_ARTICLE", "/work/shared/seeds/000_cdbdbc49664cab7b.txt"))

# "8 Career Paths in Machine Learning": Median Total Pay*, accurate as of February 2025.
TABLE_MEDIANS = {
    "machine-learning-engineer": 168_730,
    "data-scientist": 165_029,
    "nlp-scientist": 180_727,
    "bi-developer": 126_174,
    "software-engineer": 162_927,
    "software-developer": 134_584,
    "computational-linguist": 128_261,
}

LINKEDIN_SAMPLE = {
    "Google", "Workday", "Amazon", "Capital One", "Brown University", "Microsoft",
    "Liberty Mutual", "Spotify", "Meta", "TikTok", "Boston Children’s Hospital", "Reebok",
    "Wayfair", "Mayo Clinic", "Major League Soccer", "National Football League",
    "Massachusetts Institute of Technology", "CarMax", "FDA", "Target", "Sephora",
}  # fmt: skip
JOB_SEARCH_EMPLOYERS = {
    "Amazon", "Coinbase", "TikTok", "Pinterest", "Ford Motor Company", "Netflix", "Spotify",
    "Adobe",
}  # fmt: skip

FAQ_ANSWERS = {
    "is-machine-learning-a-good-career": (
        "Yes, it offers strong job growth, high salaries and opportunities to work with "
        "cutting-edge technology. A machine learning career is both rewarding and impactful."
    ),
    "what-are-the-career-paths-for-machine-learning": (
        "Career paths for machine learning professionals typically involve:\n"
        "1. Entry-level roles such as data analyst or junior data scientist.\n"
        "2. Advancing to positions like machine learning engineer or data scientist.\n"
        "3. Specializing further into roles such as AI research scientist or NLP scientist.\n"
        "4. Potentially moving into senior or leadership positions, such as senior machine "
        "learning engineer or head of AI."
    ),
    "how-do-i-start-a-career-in-machine-learning": (
        "To start a career in machine learning, you should:\n"
        "1. Get a relevant bachelor’s degree (e.g., computer science).\n"
        "2. Learn programming languages (Python, R).\n"
        "3. Study machine learning concepts.\n"
        "4. Gain practical experience through projects or internships.\n"
        "5. Consider advanced education, such as a master’s degree in artificial intelligence, "
        "and professional certifications."
    ),
    "is-machine-learning-high-paying": (
        "Yes, with an average salary of $168,730 in the U.S., machine-learning jobs are "
        "considered high-paying. Depending on your experience, location and other factors, you "
        "can expect a salary range of $135,000 to $215,000."
    ),
}


def test_each_table_role_has_its_median_from_the_article_as_of_february_2025():
    for slug, median in TABLE_MEDIANS.items():
        salary = Salary.objects.get(role__slug=slug, source__slug="article")
        assert salary.median == median, slug
        assert (salary.average, salary.low, salary.high) == (None, None, None), slug
        assert salary.basis == "median total pay"
        assert salary.currency == "USD"
        assert salary.as_of == FEBRUARY_2025
        assert salary.as_of_precision == AsOfPrecision.MONTH
        assert salary.as_of_display == "February 2025"


def test_glassdoor_figures_for_the_machine_learning_engineer_have_no_date():
    salary = Salary.objects.get(role__slug="machine-learning-engineer", source__slug="glassdoor")
    assert (salary.median, salary.average, salary.low, salary.high) == (
        None,
        168_730,
        135_000,
        215_000,
    )
    assert salary.basis == "average annual salary"
    assert salary.region == "United States"
    assert salary.as_of is None
    assert salary.as_of_display == ""


def test_no_salary_beyond_the_eight_the_article_states():
    stated = {(slug, "article") for slug in TABLE_MEDIANS} | {
        ("machine-learning-engineer", "glassdoor")
    }
    assert set(Salary.objects.values_list("role__slug", "source__slug")) == stated
    assert Salary.objects.count() == 8


def test_roles_without_pay_in_the_article_have_none():
    unpaid = Role.objects.exclude(slug__in=TABLE_MEDIANS)
    assert set(unpaid.values_list("slug", flat=True)) == {
        "data-analyst",
        "junior-data-scientist",
        "ai-research-scientist",
        "senior-machine-learning-engineer",
        "head-of-ai",
        "software-programmer",
        "computer-engineer",
    }
    for role in unpaid.for_list():
        assert role.median_pay is None
        assert pick_salary(role.salary_records, "median") is None
        assert pick_salary(role.salary_records, *PAY_RANGE) is None


def test_table_descriptions_are_the_role_summaries():
    assert Role.objects.get(slug="nlp-scientist").summary == (
        "Involves “developing novel NLP algorithms and techniques to solve problems like "
        "information extraction, text summarization, natural language generation, automated "
        "question answering, etc.”"
    )
    assert Role.objects.get(slug="computational-linguist").summary == (
        "Teaches computers how to understand human language."
    )
    for slug in TABLE_MEDIANS:
        assert Role.objects.get(slug=slug).description_source.slug == "article"


def test_career_stages_follow_the_faq():
    stages = {
        stage.slug: (stage.order, set(stage.roles.values_list("slug", flat=True)))
        for stage in CareerStage.objects.all()
    }
    assert stages == {
        "entry-level": (1, {"data-analyst", "junior-data-scientist"}),
        "established": (2, {"machine-learning-engineer", "data-scientist"}),
        "specialist": (3, {"ai-research-scientist", "nlp-scientist"}),
        "leadership": (4, {"senior-machine-learning-engineer", "head-of-ai"}),
    }
    assert set(Role.objects.filter(stage=None).values_list("slug", flat=True)) == {
        "bi-developer",
        "software-engineer",
        "software-developer",
        "computational-linguist",
        "software-programmer",
        "computer-engineer",
    }


def test_experience_section_starter_roles_lead_to_machine_learning_engineer():
    engineer = Role.objects.get(slug="machine-learning-engineer")
    starters = {
        "software-engineer",
        "software-programmer",
        "software-developer",
        "data-scientist",
        "computer-engineer",
    }
    assert starters <= set(engineer.previous_roles.values_list("slug", flat=True))
    assert "senior-machine-learning-engineer" in set(
        engineer.next_roles.values_list("slug", flat=True)
    )


def test_skills_and_how_much_they_matter_to_the_machine_learning_engineer():
    essential = [
        "Computer science fundamentals",
        "Programming",
        "Math and statistics",
        "Data science",
        "Deep learning",
        "Problem solving",
        "Software engineering and system design",
        "Artificial intelligence",
    ]
    links = RoleSkill.objects.filter(role__slug="machine-learning-engineer")
    # "According to TechRepublic, machine learning engineers must be skilled in the following".
    assert [rs.skill.name for rs in links] == essential
    assert {rs.importance for rs in links} == {Importance.ESSENTIAL}
    assert RoleSkill.objects.count() == len(essential)
    assert {s.source.slug for s in Skill.objects.filter(name__in=essential)} == {"techrepublic"}
    assert not Skill.objects.filter(name__in=essential, for_all_roles=True).exists()


def test_soft_skills_and_languages_are_named_for_machine_learning_roles_in_general():
    # "Soft skills are also extremely valuable in machine learning positions" and the FAQ's
    # "Learn programming languages (Python, R)": never credited to one role.
    general = Skill.objects.filter(for_all_roles=True)
    soft = general.filter(kind=SkillKind.SOFT)
    assert list(soft.order_by("order").values_list("name", flat=True)) == [
        "Teamwork",
        "Good communication",
        "Organization",
        "Strong work ethic",
    ]
    assert set(Skill.objects.filter(kind=SkillKind.SOFT).values_list("name", flat=True)) == set(
        soft.values_list("name", flat=True)
    )
    languages = Skill.objects.filter(is_programming_language=True)
    assert set(languages.values_list("name", flat=True)) == {"Python", "R"}
    assert all(skill.for_all_roles for skill in languages)
    assert not RoleSkill.objects.filter(skill__for_all_roles=True).exists()
    assert {s.description for s in soft} == {
        "Soft skills are also extremely valuable in machine learning positions."
    }
    assert all("(Python, R)" in s.description for s in languages)


def test_companies_are_exactly_the_ones_the_article_names():
    assert set(Company.objects.values_list("name", flat=True)) == (
        LINKEDIN_SAMPLE | JOB_SEARCH_EMPLOYERS
    )
    sample = Company.objects.filter(in_hiring_sample=True)
    assert set(sample.values_list("name", flat=True)) == LINKEDIN_SAMPLE
    search = Company.objects.filter(in_job_search=True)
    assert set(search.values_list("name", flat=True)) == JOB_SEARCH_EMPLOYERS
    hiring = Role.objects.get(slug="machine-learning-engineer").hiring_companies
    assert set(hiring.values_list("name", flat=True)) == JOB_SEARCH_EMPLOYERS


def test_outlook_figures_units_and_dates():
    stats = {
        s.slug: (s.qualifier, s.value, s.unit, s.period, s.source_id and s.source.slug, s.as_of)
        for s in OutlookStatistic.objects.select_related("source")
    }
    wef_year = datetime.date(2023, 1, 1)
    assert stats == {
        "linkedin-machine-learning-engineer-search": (
            "over", Decimal("2800"), "results", "", "linkedin", FEBRUARY_2025,
        ),
        "indeed-best-jobs-rank": ("", Decimal("8"), "rank", "", "indeed", None),
        "indeed-growth-rate": ("", Decimal("53"), "percent", "since 2020", "indeed", None),
        "wef-demand-rise": (
            "", Decimal("40"), "percent", "over the next five years", "world-economic-forum",
            wef_year,
        ),
        "wef-demand-jobs": (
            "", Decimal("1000000"), "jobs", "over the next five years", "world-economic-forum",
            wef_year,
        ),
        "computer-it-jobs-growth": ("", None, "", "2022 to 2032", None, None),
    }  # fmt: skip
    precision = dict(OutlookStatistic.objects.values_list("slug", "as_of_precision"))
    assert precision["wef-demand-rise"] == precision["wef-demand-jobs"] == AsOfPrecision.YEAR
    assert precision["linkedin-machine-learning-engineer-search"] == AsOfPrecision.MONTH
    growth = OutlookStatistic.objects.get(slug="computer-it-jobs-growth")
    assert "much faster than the average for all occupations" in growth.statement
    # Its sentence goes on to credit the World Economic Forum with a different figure.
    assert "World Economic Forum" not in growth.statement


def test_duties_are_the_eight_distinct_ones_in_article_order():
    duties = list(Duty.objects.values_list("text", flat=True))
    assert len(duties) == len(set(duties)) == 8
    assert duties[0] == "Continuously monitoring and updating ML models to adapt to new data"
    assert duties[-1] == "Analyzing large datasets to extract meaningful patterns and insights"


def test_education_steps_and_their_sources():
    steps = EducationStep.objects.select_related("source")
    assert [(s.title, s.source.slug) for s in steps] == [
        ("Undergraduate degree", "article"),
        ("Experience", "article"),
        ("Advanced degree", "article"),
    ]


def test_each_sentence_of_the_experience_step_carries_its_own_source():
    # The guide credits Discover Data Science for its first sentence ("As described by ...");
    # the example and the roles to start in are the guide's own.
    experience = EducationStep.objects.for_display().get(slug="experience")
    passages = [(p.source.slug, _sentences(p.text)) for p in experience.passages.all()]
    assert passages == [
        (
            "discover-data-science",
            [
                "As described by Discover Data Science, some machine learning positions may "
                "require previous experience in an engineer or artificial intelligence-specific "
                "role"
            ],
        ),
        (
            "article",
            [
                "For example, it’s important to know that a machine learning engineer is not an "
                "entry-level position, but one that often requires experience in data science "
                "and software engineering — plus an advanced degree",
                "For a career in machine learning, you may want to start in a software engineer, "
                "software programmer, software developer, data scientist or computer engineer "
                "role",
            ],
        ),
    ]
    for step in EducationStep.objects.for_display().exclude(slug="experience"):
        assert [p.source.slug for p in step.passages.all()] == ["article"]


def test_applications_and_who_named_them():
    apps = {a.name: (a.examples, a.source.slug) for a in Application.objects.all()}
    assert apps["Recommendation systems"] == (
        "Netflix, YouTube and Spotify",
        "mit-technology-review",
    )
    assert apps["Search engines"] == ("Google and Baidu", "mit-technology-review")
    assert apps["Driving cars"] == ("", "zdnet")
    assert apps["Facial recognition software"] == ("", "article")
    assert len(apps) == 10


def test_quotes_by_topic_and_source():
    quotes = [
        (q.topic, q.source_id and q.source.slug) for q in Quote.objects.select_related("source")
    ]
    assert quotes == [
        # The article quotes this phrase without saying who wrote it: no source, not the article.
        ("definition", None),
        ("definition", "techrepublic"),
        ("definition", "zdnet"),
        ("definition", "mit-technology-review"),
        ("profession", "us-news-world-report"),
        ("profession", "springboard"),
    ]


def test_faq_answers_are_the_articles_words():
    stored = dict(FaqEntry.objects.values_list("slug", "answer"))
    assert stored == FAQ_ANSWERS
    related = FaqEntry.objects.get(slug="is-machine-learning-high-paying").related_roles
    assert list(related.values_list("slug", flat=True)) == ["machine-learning-engineer"]
    paths = FaqEntry.objects.get(slug="what-are-the-career-paths-for-machine-learning")
    assert paths.related_roles.count() == 8


def _normalise(text):
    return " ".join(text.split())


def _sentences(text):
    # Quotes split by "…,” according to X. “…" are stored joined with a full stop, so each
    # sentence is checked without its final punctuation.
    return [s.rstrip(".,") for s in re.split(r"(?<=\.) (?=[A-Z])", _normalise(text)) if s]


@pytest.mark.skipif(not ARTICLE.exists(), reason="source article not available")
def test_every_stored_text_appears_in_the_article():
    article = _normalise(ARTICLE.read_text(encoding="utf-8"))
    texts = [
        *FaqEntry.objects.values_list("question", flat=True),
        *FaqEntry.objects.values_list("answer", flat=True),
        *Duty.objects.values_list("text", flat=True),
        *EducationPassage.objects.values_list("text", flat=True),
        *Role.objects.exclude(summary="").values_list("summary", flat=True),
        *CareerStage.objects.values_list("description", flat=True),
        *Quote.objects.values_list("text", flat=True),
        *OutlookStatistic.objects.values_list("statement", flat=True),
    ]
    for text in texts:
        for sentence in _sentences(text.split(" (Dated ")[0]):
            assert sentence in article, sentence
