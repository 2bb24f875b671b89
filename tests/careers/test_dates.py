"""Issue 19 item 6 and issue 20 item 3: one age rule for every figure, whoever publishes it, and
one date line per section, with a mark only on a figure dated otherwise than its section."""

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from careers.dates import GUIDE_LABEL, OEWS_LABEL, dated, handbook_dated, section_dates
from careers.models import Salary, Source
from core.age import Dated, DateLine, is_old, stale_cutoff
from official.models import Release


@pytest.fixture
def today(monkeypatch):
    """The rule's clock is timezone.localdate(): fixed here, never the wall clock."""

    def set_today(day):
        monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day)

    set_today(datetime.date(2026, 12, 2))
    return set_today


def guide(day, when="February 2025"):
    return Dated(GUIDE_LABEL, when, day)


def bls(day, when="May 2025"):
    return Dated(OEWS_LABEL, when, day)


FEB_2025 = datetime.date(2025, 2, 1)
MAY_2025 = datetime.date(2025, 5, 1)


class TestOneRule:
    @pytest.mark.parametrize(
        ("day", "guide_old", "bls_old"),
        [
            (datetime.date(2026, 2, 1), False, False),
            (datetime.date(2026, 2, 2), True, False),
            (datetime.date(2026, 5, 1), True, False),
            (datetime.date(2026, 5, 2), True, True),
        ],
    )
    def test_guide_and_bls_figures_grow_old_by_the_same_rule(self, today, day, guide_old, bls_old):
        today(day)
        assert guide(FEB_2025).old is guide_old
        assert bls(MAY_2025).old is bls_old
        # The same date is old or not whoever publishes it.
        assert guide(MAY_2025).old is bls(MAY_2025).old is is_old(MAY_2025)

    def test_the_rule_takes_an_injected_day(self):
        assert is_old(FEB_2025, today=datetime.date(2026, 2, 2))
        assert not is_old(FEB_2025, today=datetime.date(2026, 2, 1))
        assert stale_cutoff(datetime.date(2026, 12, 2)) == datetime.date(2025, 12, 2)

    def test_an_undated_figure_is_undated_not_old(self, today):
        assert not is_old(None)
        assert not Dated("Glassdoor", "", None).old

    def test_records_of_every_kind_are_dated_by_their_own_dates(self, today):
        salary = Salary(as_of=FEB_2025, source=Source(slug="article", title="The guide"))
        release = Release(name="May 2025", as_of=MAY_2025, published_on=datetime.date(2026, 5, 15))
        assert dated(salary) == Dated(GUIDE_LABEL, "February 2025", FEB_2025)
        # The release's file date is never the figure's date.
        assert dated(release) == Dated(OEWS_LABEL, "May 2025", MAY_2025)
        assert handbook_dated(datetime.date(2025, 8, 28)).when == (
            "page last modified 28 August 2025"
        )
        assert dated(Salary(as_of=None, source=Source(slug="g", publisher="Glassdoor"))) == (
            Dated("Glassdoor", "", None)
        )


class TestDateLine:
    def test_both_old_said_once(self, today):
        line = DateLine([guide(FEB_2025), bls(MAY_2025), guide(FEB_2025)])
        assert [entry.label for entry in line.entries] == [GUIDE_LABEL, OEWS_LABEL]
        assert line.age == "both more than a year old"

    def test_only_the_old_ones_are_marked_when_some_are_recent(self, today):
        today(datetime.date(2026, 4, 15))
        line = DateLine([guide(FEB_2025), bls(MAY_2025)])
        assert line.age == ""
        assert [entry.old for entry in line.entries] == [True, False]

    def test_each_source_gets_the_date_most_of_its_figures_have(self, today):
        older = guide(datetime.date(2023, 1, 1), "2023")
        line = DateLine([older, guide(FEB_2025), guide(FEB_2025)])
        assert line.entries == [guide(FEB_2025)]
        assert line.differs(older)
        assert not line.differs(guide(FEB_2025))

    def test_an_empty_section_has_no_line(self):
        assert not DateLine([None])
        assert not section_dates([], None)


# --- Pages ----------------------------------------------------------------------------------


class DateLines(HTMLParser):
    """Each date line and date mark with the innermost section (section, article or details,
    else main) it sits in."""

    CONTAINERS = {"section", "article", "details", "main"}

    def __init__(self):
        super().__init__()
        self.stack = []
        self.counter = 0
        self.lines = []  # container id per date line
        self.marks = []
        self.ages = []  # text of each line's age words

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag in self.CONTAINERS:
            self.counter += 1
            self.stack.append((tag, self.counter))
        elif tag in ("p", "span", "strong"):
            container = self.stack[-1][1] if self.stack else 0
            if "date-line" in classes:
                self.lines.append(container)
            if "date-mark" in classes:
                self.marks.append(container)

    def handle_endtag(self, tag):
        if tag in self.CONTAINERS:
            while self.stack:
                if self.stack.pop()[0] == tag:
                    break


def lines_of(html):
    parser = DateLines()
    parser.feed(html)
    return parser


def text(html):
    """What a sighted reader sees: tags and screen-reader-only words dropped."""
    html = re.sub(r'<span class="visually-hidden">.*?</span>', "", html)
    html = re.sub(r"<[^>]+>", "", html)
    return re.sub(r"\s+", " ", html).replace("&#x27;", "'")


PAGES = [
    ("home", reverse("careers:home")),
    ("role list", reverse("careers:role_list")),
    ("role list, official", reverse("careers:role_list") + "?basis=bls&area=CA"),
    ("role page", reverse("careers:role_detail", args=["machine-learning-engineer"])),
    ("skill page", reverse("careers:skill_detail", args=["deep-learning"])),
    ("compare", reverse("careers:compare") + "?role=machine-learning-engineer&role=data-scientist"),
    ("match", reverse("careers:match") + "?have=deep-learning"),
    ("path", reverse("careers:path")),
    ("outlook", reverse("careers:outlook")),
    ("pay by location", reverse("careers:role_pay", args=["data-scientist"])),
    ("company", reverse("careers:company_detail", args=["amazon"])),
]


@pytest.mark.parametrize(("name", "url"), PAGES, ids=[name for name, _ in PAGES])
def test_one_date_line_per_section_and_no_repeated_notice(official_data, client, today, name, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    parsed = lines_of(html)
    assert parsed.lines, f"{name}: no date line"
    assert len(parsed.lines) == len(set(parsed.lines)), f"{name}: two date lines in one section"
    # The article's figures share their source's date: nothing is marked.
    assert parsed.marks == []
    assert "more than a year ago" not in html
    assert "stale-notice" not in html
    assert "more than a year old" in text(html)


def test_the_skills_list_has_no_dated_figure_and_no_line(official_data, client):
    html = client.get(reverse("careers:skill_list")).content.decode()
    assert "date-line" not in html


def section(html, css_class):
    return re.search(rf'<section class="{css_class}".*?</section>', html, re.S).group(0)


def role_page(client, slug="machine-learning-engineer"):
    return client.get(reverse("careers:role_detail", args=[slug])).content.decode()


def test_the_official_panel_treats_guide_and_bls_figures_alike(official_data, client, today):
    panel = text(section(role_page(client), "official-pay"))
    assert "BLS: May 2025 · Guide's figures: February 2025 · both more than a year old" in panel

    today(datetime.date(2026, 4, 15))  # February 2025 is old, May 2025 not yet
    panel = text(section(role_page(client), "official-pay"))
    assert "Guide's figures: February 2025 (more than a year old)" in panel
    assert "BLS: May 2025 (more" not in panel
    assert "BLS: May 2025" in panel

    today(datetime.date(2026, 1, 15))  # neither
    assert "more than a year" not in text(section(role_page(client), "official-pay"))


def test_the_role_list_marks_bls_medians_old_like_the_guides(official_data, client, today):
    url = reverse("careers:role_list") + "?basis=bls&area=US"
    line = re.search(r'<p class="date-line">.*?</p>', client.get(url).content.decode()).group(0)
    assert "Guide's figures: February 2025 (more than a year old)" in text(line)
    assert "BLS: May 2025 (more than a year old)" in text(line)


def test_a_figure_dated_otherwise_than_its_section_is_marked_alone(official_data, client, today):
    Salary.objects.filter(role__slug="software-engineer", source__slug="article").update(
        as_of=datetime.date(2023, 6, 1)
    )
    url = reverse("careers:compare")
    query = {"role": ["machine-learning-engineer", "data-scientist", "software-engineer"]}
    html = client.get(url, query).content.decode()
    parsed = lines_of(html)
    assert len(parsed.lines) == 1 and len(parsed.marks) == 1
    words = text(html)
    assert "Guide's figures: February 2025" in words
    assert words.count("Dated differently: June 2023, more than a year old.") == 1
    # The same rule on the path page's lists of roles: each mark in a section with its line.
    path = lines_of(client.get(reverse("careers:path")).content.decode())
    assert path.marks and set(path.marks) <= set(path.lines)


def test_no_publication_date_is_claimed_from_the_file_date(official_data, client):
    for html in (
        role_page(client),
        client.get(reverse("careers:role_pay", args=["data-scientist"])).content.decode(),
    ):
        assert "data file dated 15 May 2026" in html
        assert not re.search(r"published \d", html)
    official = client.get(reverse("api:role-detail", args=["data-scientist"])).json()
    assert "published_on" not in str(official)
    assert "2026-05-15" in str(official)


def test_a_missing_record_adds_nothing_to_the_line(today):
    """A template passes a missing variable as "": no "Source not named" entry for it."""
    salary = Salary(as_of=FEB_2025, source=Source(slug="article", title="The guide"))
    assert section_dates(salary, "", None).entries == [
        Dated(GUIDE_LABEL, "February 2025", FEB_2025)
    ]
