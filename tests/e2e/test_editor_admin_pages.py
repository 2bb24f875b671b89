"""The admin pages editors use, in a 1,280 px window: no axe violation, nothing pushed
off-screen (the pay inline's delete column, the salary list's source and as-of columns)."""

from .admin_pages import admin_pages
from .axe import describe, violations
from .screenshots import WIDTHS, capture
from .test_editor import editor, log_in  # noqa: F401 (the editor fixture)


def right_edge(page, selector):
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return box["x"] + box["width"]


def test_editor_admin_pages_have_no_axe_violations_at_1280(page, editor):  # noqa: F811
    page.set_viewport_size(WIDTHS["1280"])
    log_in(page)
    problems = []
    for name, path in admin_pages():
        response = page.goto(path)
        assert response.status == 200, path
        capture(page, name, "1280")
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            problems.append(f"{path}: scrolls sideways by {overflow} px")
        found = violations(page)
        if found:
            problems.append(f"{path}:\n{describe(found)}")
    assert not problems, "\n".join(problems)


def test_every_column_fits_in_1280_px(page, editor):  # noqa: F811
    page.set_viewport_size(WIDTHS["1280"])
    log_in(page)
    pages = dict(admin_pages())
    page.goto(pages["admin-role-form"])
    # The pay inline's last column (delete) is inside the window.
    last = ".pay-inline table thead th:last-child"
    assert right_edge(page, last) <= 1280, right_edge(page, last)
    assert right_edge(page, ".pay-inline table") <= 1280
    page.goto(pages["admin-salary-list"])
    for column in ("column-source", "column-as_of_column"):
        assert right_edge(page, f"#result_list th.{column}") <= 1280, column
    # (Checked here rather than beside axe, whose own probes trip the CSP in the console.)
    assert page.console_errors == []
