"""Where screenshots go, and how each public page is captured at phone and desktop widths."""

import os
from pathlib import Path

# SCREENSHOTS_DIR puts them elsewhere (a CI job's artefacts, say); test-artifacts/ is not
# tracked by git.
ROOT = Path(
    os.environ.get("SCREENSHOTS_DIR")
    or Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
)
FAILURES_DIR = ROOT / "failures"

# A small phone and a common laptop: the two layouts the stylesheet has to hold up at.
WIDTHS = {"360": {"width": 360, "height": 740}, "1280": {"width": 1280, "height": 800}}


def capture(page, name, width):
    """Save a full-page screenshot as <name>-<width>.png and return its path."""
    ROOT.mkdir(parents=True, exist_ok=True)
    path = ROOT / f"{name}-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
