"""Reading the BLS Occupational Outlook Handbook pages bundled in data/ooh-2025/: each page's
HTML (gzip-compressed, unchanged) and the manifest.json that gives its address, dates and
SHA-256.

Nothing is downloaded. Every file is checked against the manifest, then every page is read
whole, before the importer writes anything; every way a file or page can be wrong raises
HandbookFileError with one line to show. BeautifulSoup with the standard library's
html.parser reads the pages: BLS's markup is not well-formed XML, and that parser needs no
compiled dependency.
"""

import datetime
import gzip
import hashlib
import json
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "data" / "ooh-2025"
BLS_ORIGIN = "https://www.bls.gov"
# What a page prints where it gives no single answer; shown as that, linked to the section.
SEE_HOW_TO_BECOME_ONE = "See How to Become One"
HOW_TO_BECOME_ONE_ANCHOR = "#tab-4"

# Quick Facts rows read here, by the start of their header.
QUICK_FACTS = {
    "median_pay": "2024 Median Pay",
    "entry_education": "Typical Entry-Level Education",
    "work_experience": "Work Experience in a Related Occupation",
    "on_the_job_training": "On-the-job Training",
    "jobs": "Number of Jobs, 2024",
    "outlook": "Job Outlook, 2024",
    "change": "Employment Change, 2024",
}
# Spellings of one quality name that pages print differently: BLS's own longer form wins.
# Only the same name spelled two ways is merged ("Creativity" and "Creative skills" are not).
QUALITY_SPELLINGS = {"Logical thinking": "Logical-thinking skills"}
OPENINGS = re.compile(
    r"^(?P<despite>Despite declining employment, a|A)bout (?P<openings>[\d,]+) openings for .+? "
    r"are projected each year"
)
OUTLOOK = re.compile(r"^(?P<percent>-?\d+)% \((?P<phrase>[^()]+)\)$")
MONEY = re.compile(r"^\$([\d,]+)$")
SOC = re.compile(r"^\d{2}-\d{4}$")
DASHES = {"—", "–", "-"}
CHUNK = 1 << 20


class HandbookFileError(Exception):
    """What is wrong with a file or a page, in one line."""


@dataclass
class ProjectionRow:
    title: str
    soc_code: str  # "" where the table prints a dash
    employment_2024: int
    employment_2034: int
    change_percent: int
    change_number: int
    median_pay_2024: int | None = None


@dataclass
class SimilarRow:
    title: str
    url: str
    entry_education: str
    median_pay_text: str
    median_pay_2024: int | None


@dataclass
class HandbookPageData:
    file: str
    url: str
    title: str
    last_modified: datetime.date
    visited_on: datetime.date
    file_sha256: str
    entry_education: str = ""
    work_experience: str = ""
    on_the_job_training: str = ""
    outlook_phrase: str = ""
    openings_per_year: int = 0
    openings_despite_decline: bool = False
    projections: list = field(default_factory=list)
    qualities: list = field(default_factory=list)  # (name, as printed)
    similar: list = field(default_factory=list)


def text_of(tag):
    return re.sub(r"\s+", " ", tag.get_text(" ", strip=True)).strip()


def whole_number(text, what, page):
    cleaned = text.replace(",", "").strip()
    if not re.fullmatch(r"-?\d+", cleaned):
        raise HandbookFileError(f"{page}: {what} is not a whole number ({text[:30]!r}).")
    return int(cleaned)


def money(text):
    """$131,450 -> 131450; None for anything else."""
    match = MONEY.match(text.split(" per ")[0].strip())
    return int(match.group(1).replace(",", "")) if match else None


def quality_name(printed):
    """The quality's name without the page's trailing period and spacing."""
    name = re.sub(r"\s+", " ", printed).strip().rstrip(".").strip()
    return QUALITY_SPELLINGS.get(name, name)


def _date(text, what, source):
    for pattern in ("%A, %B %d, %Y", "%B %d, %Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except (TypeError, ValueError):
            continue
    raise HandbookFileError(f"The manifest's {what} for {source} is not a date: {text!r}.")


def read_manifest(folder):
    path = folder / "manifest.json"
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise HandbookFileError(f"No manifest.json in {folder}: nothing can be checked.") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise HandbookFileError(f"{path} is not a readable manifest ({error}).") from None
    files = manifest.get("files") if isinstance(manifest, dict) else None
    if not isinstance(files, list) or not files:
        raise HandbookFileError(f"{path} lists no files: unknown layout.")
    keys = ("file", "page", "title", "last_modified_on_page", "sha256_gz", "sha256_html")
    for entry in files:
        if not isinstance(entry, dict) or not all(
            isinstance(entry.get(k), str) and entry[k] for k in (*keys, "visited_per_page")
        ):
            raise HandbookFileError(f"{path} has an entry without {', '.join(keys)}.")
        if "/" in entry["file"] or not entry["page"].startswith(f"{BLS_ORIGIN}/ooh/"):
            raise HandbookFileError(f"{path}: unexpected entry {entry['file'][:60]!r}.")
    return files


def _check(data, expected, what):
    actual = hashlib.sha256(data).hexdigest()
    if actual != expected:
        raise HandbookFileError(
            f"{what} does not match its manifest (SHA-256 {actual[:12]}…, expected "
            f"{expected[:12]}…): the file is damaged or was changed."
        )
    return actual


def read_file(folder, entry):
    """The page's HTML text, after both checksums."""
    path = folder / entry["file"]
    try:
        packed = path.read_bytes()
    except FileNotFoundError:
        raise HandbookFileError(f"Missing file: {path.name} (listed in manifest.json).") from None
    except OSError as error:
        raise HandbookFileError(f"{path.name} cannot be read ({error}).") from None
    _check(packed, entry["sha256_gz"], path.name)
    try:
        html = gzip.decompress(packed)
    except (EOFError, gzip.BadGzipFile, zlib.error) as error:
        raise HandbookFileError(f"{path.name} is truncated or not a gzip file ({error}).") from None
    sha = _check(html, entry["sha256_html"], f"{path.name} unpacked")
    try:
        return html.decode("utf-8"), sha
    except UnicodeDecodeError as error:
        raise HandbookFileError(f"{path.name} is not UTF-8 text ({error}).") from None


def _find(soup, page, name, **attrs):
    found = soup.find(name, **attrs)
    if found is None:
        wanted = ", ".join(f"{k}={v!r}" for k, v in attrs.items())
        raise HandbookFileError(f"{page}: no {name} with {wanted}: the page's layout changed.")
    return found


def _quick_facts(soup, page):
    table = _find(soup, page, "table", id="quickfacts")
    rows = {}
    for row in table.find_all("tr"):
        header, cell = row.find("th"), row.find("td")
        if header is None or cell is None:
            continue
        label = text_of(header)
        for key, start in QUICK_FACTS.items():
            if label.startswith(start):
                rows[key] = cell
    if missing := [QUICK_FACTS[key] for key in QUICK_FACTS if key not in rows]:
        raise HandbookFileError(f"{page}: Quick Facts lacks {', '.join(missing)}.")
    return rows


def _projections(soup, page):
    table = _find(soup, page, "table", id="outlook-table")
    body = table.find("tbody")
    rows = []
    for row in body.find_all("tr") if body else []:
        cells = [text_of(cell) for cell in row.find_all(["th", "td"])]
        if len(cells) < 6:
            raise HandbookFileError(f"{page}: a projections row has {len(cells)} cells, not 6.")
        title, code = cells[0], cells[1]
        if code in DASHES:
            code = ""
        elif not SOC.match(code):
            raise HandbookFileError(f"{page}: {code[:20]!r} is not a SOC code.")
        numbers = [whole_number(text, "a projection", page) for text in cells[2:6]]
        rows.append(ProjectionRow(title, code, *numbers))
    if not rows:
        raise HandbookFileError(f"{page}: the projections table has no rows.")
    return rows


def _pay_chart(soup, page):
    """Pay tab: {title (lower case): median of May 2024}. The chart names occupations but
    gives no SOC code."""
    tab = _find(soup, page, "div", id="tab-5")
    chart = _find(tab, page, "div", class_="ooh-chart")
    if "May 2024" not in text_of(chart):
        raise HandbookFileError(f"{page}: the Pay chart is not of May 2024.")
    medians = {}
    for term, value in zip(chart.find_all("dt"), chart.find_all("dd"), strict=False):
        name = text_of(term)
        if name:
            amount = money(text_of(value))
            if amount is None:
                raise HandbookFileError(f"{page}: the Pay chart's {name!r} has no median.")
            medians[name.lower()] = amount
    if not medians:
        raise HandbookFileError(f"{page}: the Pay chart has no medians.")
    return medians


def _openings(soup, page):
    tab = _find(soup, page, "div", id="tab-6")
    for paragraph in tab.find_all("p"):
        match = OPENINGS.match(text_of(paragraph))
        if match:
            return (
                whole_number(match["openings"], "openings", page),
                match["despite"].startswith("Despite"),
            )
    raise HandbookFileError(f"{page}: the Job Outlook tab states no openings a year.")


def _bold_start(paragraph):
    """The bold words a paragraph starts with, however many tags BLS split them into
    ("<strong>Analytical</strong> <strong>skills.</strong>")."""
    words = []
    for child in paragraph.children:
        if isinstance(child, str):
            if child.strip():
                break
            continue
        if child.name != "strong" and child.find("strong") is None:
            break
        words.append(text_of(child))
    return " ".join(word for word in words if word)


def _qualities(soup, page):
    tab = _find(soup, page, "div", id="tab-4")
    heading = next((h for h in tab.find_all("h3") if text_of(h) == "Important Qualities"), None)
    if heading is None:
        raise HandbookFileError(f"{page}: How to Become One has no Important Qualities.")
    qualities = []
    for sibling in heading.find_next_siblings():
        if sibling.name in {"h2", "h3"}:
            break
        printed = _bold_start(sibling) if sibling.name == "p" else ""
        if printed:
            qualities.append((quality_name(printed), printed))
    if not qualities:
        raise HandbookFileError(f"{page}: Important Qualities names none.")
    return qualities


def _similar(soup, page):
    table = _find(soup, page, "table", id="similar-occupations")
    rows = []
    for row in table.find("tbody").find_all("tr") if table.find("tbody") else []:
        cells = row.find_all("td")
        link = cells[1].find("a", href=True) if len(cells) >= 5 else None
        if link is None or not link["href"].startswith("/ooh/"):
            raise HandbookFileError(f"{page}: a similar occupation has no OOH link.")
        pay = text_of(cells[4])
        rows.append(
            SimilarRow(
                title=text_of(link),
                url=BLS_ORIGIN + link["href"],
                entry_education=text_of(cells[3]),
                median_pay_text=pay,
                median_pay_2024=money(pay),
            )
        )
    if not rows:
        raise HandbookFileError(f"{page}: Similar Occupations lists none.")
    return rows


def parse_page(html, entry, sha):
    """Everything the site uses from one page, checked against itself."""
    page = entry["file"]
    soup = BeautifulSoup(html, "html.parser")
    data = HandbookPageData(
        file=page,
        url=entry["page"],
        title=entry["title"],
        last_modified=_date(entry["last_modified_on_page"], "last-modified date", page),
        visited_on=_date(entry["visited_per_page"], "visit date", page),
        file_sha256=sha,
    )
    if f"Last Modified Date: {entry['last_modified_on_page']}" not in text_of(soup):
        raise HandbookFileError(
            f"{page}: the page does not print the manifest's last-modified date."
        )
    facts = _quick_facts(soup, page)
    data.entry_education = text_of(facts["entry_education"])
    data.work_experience = text_of(facts["work_experience"])
    data.on_the_job_training = text_of(facts["on_the_job_training"])
    outlook = OUTLOOK.match(text_of(facts["outlook"]))
    if outlook is None:
        raise HandbookFileError(f"{page}: Quick Facts' job outlook is not 'N% (phrase)'.")
    data.outlook_phrase = outlook["phrase"]
    data.projections = _projections(soup, page)
    medians = _pay_chart(soup, page)
    for row in data.projections:
        row.median_pay_2024 = medians.get(row.title.lower())
        if row.median_pay_2024 is None:
            raise HandbookFileError(f"{page}: the Pay chart has no median for {row.title!r}.")
    # Quick Facts are the page's first projections row (the group's, on a group page): a
    # disagreement means the page is not read where it should be.
    first = data.projections[0]
    expected = {
        "jobs": first.employment_2024,
        "change": first.change_number,
        "median_pay": first.median_pay_2024,
    }
    for key, value in expected.items():
        shown = text_of(facts[key]).split(" per ")[0].replace("$", "")
        if whole_number(shown, QUICK_FACTS[key], page) != value:
            raise HandbookFileError(f"{page}: Quick Facts' {QUICK_FACTS[key]} is not the table's.")
    if int(outlook["percent"]) != first.change_percent:
        raise HandbookFileError(f"{page}: Quick Facts' job outlook is not the table's.")
    data.openings_per_year, data.openings_despite_decline = _openings(soup, page)
    data.qualities = _qualities(soup, page)
    data.similar = _similar(soup, page)
    return data


def read_pages(folder=None, progress=None):
    """Every page of the manifest, verified and parsed; raises HandbookFileError."""
    folder = Path(folder) if folder else DEFAULT_DIR
    if not folder.is_dir():
        raise HandbookFileError(f"No such folder: {folder}.")
    entries = read_manifest(folder)
    # Every checksum first: no page is parsed while another file is wrong.
    texts = [(entry, *read_file(folder, entry)) for entry in entries]
    pages = []
    for entry, html, sha in progress(texts) if progress else texts:
        pages.append(parse_page(html, entry, sha))
    urls = [page.url for page in pages]
    if len(set(urls)) != len(urls):
        raise HandbookFileError("The manifest lists one page twice.")
    codes = [row.soc_code for page in pages for row in page.projections if row.soc_code]
    if len(set(codes)) != len(codes):
        raise HandbookFileError("Two pages give projections for the same SOC code.")
    return pages
