"""What a page looks like on a phone and a laptop, in numbers: the document's height, the header's,
how far down the first useful answer starts, the widest sideways scroll, and which tables keep
their key figure out of sight. The layout tests assert on these; run as a script against any
server to print the before/after table:

    python -m tests.e2e.layout_metrics http://127.0.0.1:8000
"""

import sys

from playwright.sync_api import sync_playwright

from .conftest import CHROMIUM_ARGS

# (name, path, selector of the first useful answer on that page type)
PAGE_TYPES = [
    ("home", "/", "#top-pay ~ .table-scroll .figure, #top-pay ~ * .figure"),
    ("role-list", "/careers/", ".role-list .role-row"),
    ("role", "/careers/machine-learning-engineer/", "main .figure"),
    (
        "pay",
        "/careers/data-scientist/pay/?area=CA",
        ".pay-box__figures dd, .pay-table tbody td.num",
    ),
    ("skills", "/skills/", "main table tbody tr"),
    ("skill", "/skills/deep-learning/", "main table .figure"),
    (
        "compare",
        "/compare/?role=data-scientist&role=machine-learning-engineer&role=nlp-scientist",
        "main .figure",
    ),
    ("match", "/match/?have=deep-learning&have=programming&have=python", ".match-list li"),
    ("outlook", "/outlook/", ".stat__value, main .figure"),
    ("companies", "/companies/", "main .company-index__item"),
    ("about", "/about/", "main h2"),
    ("faq", "/faq/", ".faq-entry"),
]

PHONE = {"width": 375, "height": 667}
LAPTOP = {"width": 1280, "height": 800}

_MEASURE = """(answer) => {
  const doc = document.documentElement;
  const header = document.querySelector('.site-header');
  const first = answer ? document.querySelector(answer) : null;
  const scrollers = [...document.querySelectorAll('body *')].filter((el) => {
    const style = getComputedStyle(el);
    return ['auto', 'scroll'].includes(style.overflowX) && el.clientWidth > 0;
  });
  const inner = scrollers.map((el) => el.scrollWidth - el.clientWidth);
  return {
    height: Math.round(doc.scrollHeight),
    header: header ? Math.round(header.getBoundingClientRect().height) : 0,
    first: first ? Math.round(first.getBoundingClientRect().top + window.scrollY) : null,
    inner_scroll: Math.max(0, ...inner),
    page_scroll: doc.scrollWidth - doc.clientWidth,
  };
}"""

# Each table row's key figure (its first cell that is a number, td.num, or holds a pay figure)
# when it is not wholly in view without scrolling sideways: beyond the viewport's right edge,
# or clipped by the table's scroll box. Later figures may scroll; the first one may not.
_HIDDEN_FIGURES = """() => {
  const width = document.documentElement.clientWidth;
  const hidden = [];
  for (const table of document.querySelectorAll('main table')) {
    const box = table.closest('.table-scroll');
    const right = box ? Math.min(width, box.getBoundingClientRect().right) : width;
    for (const row of table.querySelectorAll('tbody tr')) {
      const cell = [...row.cells].find((c) => c.matches('td.num') || c.querySelector('.figure'));
      if (!cell) continue;
      const target = cell.matches('td.num') ? cell : cell.querySelector('.figure');
      const rect = target.getBoundingClientRect();
      if (rect.width > 0 && (rect.right > right + 1 || rect.left < 0)) {
        const label = box?.getAttribute('aria-label') || table.className || 'table';
        hidden.push(`${label}: ${target.textContent.trim().slice(0, 30)}`);
      }
    }
  }
  return hidden;
}"""


def measure(page, answer=None):
    """The numbers above for the page as it is now (call after goto and any resizing)."""
    return page.evaluate(_MEASURE, answer)


def hidden_figures(page):
    """Descriptions of the table figures a reader cannot see without scrolling sideways."""
    return page.evaluate(_HIDDEN_FIGURES)


def report(base_url, executable_path="/usr/bin/chromium"):
    """Print one line per page type and width, as a Markdown table."""
    print(
        "| page | width | height | header | first answer at | inner scroll | page scroll "
        "| table figures out of view |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable_path, args=CHROMIUM_ARGS)
        for viewport in (PHONE, LAPTOP):
            context = browser.new_context(viewport=viewport, base_url=base_url)
            page = context.new_page()
            for name, path, answer in PAGE_TYPES:
                page.goto(path)
                m = measure(page, answer)
                hidden = len(hidden_figures(page))
                print(
                    f"| {name} | {viewport['width']} | {m['height']} | {m['header']} | "
                    f"{m['first']} | {m['inner_scroll']} | {m['page_scroll']} | {hidden} |"
                )
            context.close()
        browser.close()


if __name__ == "__main__":
    report(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
