"""Real-browser harness: one chromium per run, a fresh context per test, the live server with data.

Debian's chromium is used, not Playwright's downloaded build (that download does not work on
these machines). Outside CI a missing browser or Java skips these tests with one line; in CI
(CI=true) it is an error, so the browser checks can never silently stop running there.
"""

import os
import re
import shutil
from pathlib import Path

import pytest

from .screenshots import FAILURES_DIR
from .site_data import load_site_data

E2E_DIR = Path(__file__).parent

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

SKIP_NOTES = pytest.StashKey[list]()

DESKTOP = {"width": 1280, "height": 800}

# Short enough that a missing element fails in seconds, long enough for a cold page.
TIMEOUT_MS = 5_000


def in_ci():
    return os.environ.get("CI", "").lower() == "true"


def missing_tool(message):
    """Skip outside CI, fail inside it: CI must run every browser and validator check."""
    if in_ci():
        tool, _, rest = message.partition(": skipping")
        hint = rest[rest.index("(") :]
        pytest.fail(f"{tool}, and CI=true requires these tests {hint}", pytrace=False)
    pytest.skip(message)


def chromium_path():
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    return shutil.which("chromium")


MISSING_CHROMIUM = "chromium not installed: skipping browser tests (apt-get install chromium)"
MISSING_JAVA = (
    "java not installed: skipping HTML validity tests (apt-get install default-jre-headless)"
)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if E2E_DIR in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)
    if in_ci():
        return  # the fixtures below turn a missing tool into an error
    # Outside CI, tests whose tool is missing are left out and reported in one line, not one
    # skip line per test.
    left_out = []
    for fixture, available, message in (
        ("browser", chromium_path, MISSING_CHROMIUM),
        ("java", lambda: shutil.which("java"), MISSING_JAVA),
    ):
        needing = [item for item in items if fixture in getattr(item, "fixturenames", ())]
        if needing and not available():
            left_out += needing
            config.stash.setdefault(SKIP_NOTES, []).append(message)
    if left_out:
        items[:] = [item for item in items if item not in left_out]
        config.hook.pytest_deselected(items=left_out)


def pytest_terminal_summary(terminalreporter, config):
    for note in config.stash.get(SKIP_NOTES, []):
        terminalreporter.write_line(note, yellow=True)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    # Keep each phase's report on the test so the page fixture can tell a failure at teardown.
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture(scope="package")
def playwright():
    """Playwright's sync API, started once for the e2e package and stopped when it is done.

    The sync API runs an asyncio event loop in this thread for as long as it is started, so
    Django sees a "running loop" and refuses ORM calls from tests (and from pytest-django's
    database teardown) with SynchronousOnlyOperation. No coroutine ever touches the database
    here, so DJANGO_ALLOW_ASYNC_UNSAFE is set for exactly that lifetime and restored after,
    leaving the rest of the suite with Django's normal guard. Package scope (not session)
    stops the loop before any later non-browser test runs.
    """
    executable = chromium_path()
    if not executable:
        missing_tool(MISSING_CHROMIUM)
    from playwright.sync_api import sync_playwright

    # Screenshots of failures are for this run only; stale ones would mislead.
    shutil.rmtree(FAILURES_DIR, ignore_errors=True)

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    manager = sync_playwright().start()
    try:
        yield manager
    finally:
        manager.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="package")
def browser(playwright):
    browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def site_data(transactional_db):
    """The article's data, as `load_initial_data` loads it (see site_data.py for the speed-up)."""
    load_site_data()


@pytest.fixture
def context(browser, live_server, site_data):
    context = browser.new_context(viewport=DESKTOP, base_url=live_server.url)
    context.set_default_timeout(TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def page(context, request):
    page = context.new_page()
    # Script errors, CSP refusals and missing files show up only in the console or the network
    # log; tests assert this list is empty. Pages themselves (a deliberate 404) are not counted.
    page.console_errors = []

    def on_console(message):
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            page.console_errors.append(message.text)

    def on_response(response):
        if response.status >= 400 and response.request.resource_type != "document":
            page.console_errors.append(f"{response.status} for {response.url}")

    page.on("console", on_console)
    page.on("response", on_response)
    page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
    yield page
    failed = any(
        getattr(request.node, f"rep_{when}", None) and getattr(request.node, f"rep_{when}").failed
        for when in ("setup", "call")
    )
    if failed and not page.is_closed():
        FAILURES_DIR.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid)
        try:
            page.screenshot(path=str(FAILURES_DIR / f"{name}.png"), full_page=True)
        except Exception as exc:  # a crashed page must not hide the test's own failure
            print(f"could not screenshot failing page: {exc}")


@pytest.fixture(scope="session")
def java():
    java = shutil.which("java")
    if not java:
        missing_tool(MISSING_JAVA)
    return java
