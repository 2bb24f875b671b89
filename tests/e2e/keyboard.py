"""Driving a page with the keyboard alone, checking the focus ring at every stop."""

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

# Everything the browser puts in the tab order, minus what is switched off or hidden.
FOCUSABLE = (
    "a[href], button, input:not([type=hidden]), select, textarea, summary, "
    "[tabindex]:not([tabindex='-1'])"
)

_MARK_CONTROLS = """(selector) => {
    let count = 0;
    document.querySelectorAll(selector).forEach((el) => {
        if (el.disabled || el.closest('[inert]') || !el.checkVisibility({visibilityProperty: true})) return;
        if (el.getAttribute('tabindex') === '-1') return;
        // A radio group is one tab stop: its checked button, else its first.
        if (el.type === 'radio') {
            const group = [...document.querySelectorAll('input[type=radio]')]
                .filter((r) => r.name === el.name && r.form === el.form);
            if (el !== (group.find((r) => r.checked) || group[0])) return;
        }
        el.dataset.kbId = String(count++);
    });
    return count;
}"""

_FOCUSED = """(selector) => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const label = (el.getAttribute('aria-label') || el.innerText || el.value || '').trim();
    return {
        kbId: el.dataset.kbId ?? null,
        matches: selector ? el.matches(selector) : false,
        describe: `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}`
            + `${el.name ? '[name=' + el.name + ']' : ''}`
            + `${el.getAttribute('href') ? '[href=' + el.getAttribute('href') + ']' : ''}`
            + ` "${label.slice(0, 40)}"`,
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
        shadow: style.boxShadow !== 'none',
        onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
            && box.top < window.innerHeight && box.left < window.innerWidth,
    };
}"""


class FocusError(AssertionError):
    pass


def focused(page, selector=None):
    """What has focus (None for the page itself), and whether it matches selector."""
    return page.evaluate(_FOCUSED, selector)


def check_focus_ring(page, state):
    """The focused control shows a ring (outline or box-shadow, as site.css draws) on screen."""
    if state is None:
        return
    if not (state["outline"] or state["shadow"]):
        raise FocusError(f"no visible focus indicator on {state['describe']}")
    if not state["onScreen"]:
        # Scrolling a control into view can take a frame or two: give it time to land.
        try:
            page.wait_for_function(f"() => ({_FOCUSED})(null).onScreen", timeout=2_000)
        except PlaywrightTimeoutError:
            raise FocusError(f"focused control is off screen: {state['describe']}") from None


def press(page, key, selector=None):
    page.keyboard.press(key)
    state = focused(page, selector)
    check_focus_ring(page, state)
    return state


def tab_to(page, selector, backwards=False, limit=250):
    """Press Tab (or Shift+Tab) until the focused element matches selector; fail if it never does."""
    key = "Shift+Tab" if backwards else "Tab"
    visited = []
    for _ in range(limit):
        state = press(page, key, selector)
        if state and state["matches"]:
            return state
        visited.append(state["describe"] if state else "(page)")
    raise FocusError(f"{selector} never received focus; tab order was: {visited}")


def assert_every_control_reachable(page, limit=400):
    """Tab once round the whole page: every visible control is a stop, each with a focus ring.

    Starts wherever focus is and stops when a control comes round again, so it works from any
    point in the page (Chromium passes through the document itself when it wraps).
    """
    total = page.evaluate(_MARK_CONTROLS, FOCUSABLE)
    reached = set()
    for _ in range(limit):
        state = press(page, "Tab")
        if state is None or state["kbId"] is None:
            continue
        if state["kbId"] in reached:
            break
        reached.add(state["kbId"])
    missing = page.evaluate(
        """(reached) => [...document.querySelectorAll('[data-kb-id]')]
            .filter((el) => !reached.includes(el.dataset.kbId))
            .map((el) => el.outerHTML.slice(0, 120))""",
        sorted(reached),
    )
    assert not missing, f"{len(missing)} of {total} controls never got focus: {missing}"
    return total
