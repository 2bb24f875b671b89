"""axe-core finds no WCAG 2.2 AA or best-practice violation on any public page, at either width,
and no page is wider than the screen (WCAG 1.4.10 Reflow).

Each page is also screenshotted at 360 px and 1280 px into test-artifacts/screenshots/.
"""

import pytest

from .axe import describe, violations
from .public_pages import PUBLIC_PAGES, expected_status
from .screenshots import WIDTHS, capture


@pytest.mark.parametrize(("name", "path"), PUBLIC_PAGES, ids=[name for name, _ in PUBLIC_PAGES])
def test_public_page_has_no_axe_violations(page, name, path):
    problems = []
    for width, viewport in WIDTHS.items():
        page.set_viewport_size(viewport)
        response = page.goto(path)
        assert response.status == expected_status(name), f"{path} at {width} px"
        capture(page, name, width)
        # WCAG 1.4.10 Reflow: no sideways scrolling of the whole page, even at 360 px.
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            problems.append(f"{path} at {width} px: page scrolls sideways by {overflow} px")
        found = violations(page)
        if found:
            problems.append(f"{path} at {width} px:\n{describe(found)}")
    assert not problems, "\n".join(problems)


def test_admin_login_page_has_no_axe_violations(page):
    response = page.goto("/admin/login/")
    assert response.status == 200
    capture(page, "admin-login", "1280")
    found = violations(page)
    assert not found, describe(found)
