"""Text helpers shared by the public filters, the admin and the pages."""

import re

# A refused value named in an error message is cut to this many characters.
SHOWN_MAX = 60


def shown(value):
    """A refused value as it may be echoed back in an error: control characters (a NUL would
    break the page) replaced, and no longer than SHOWN_MAX characters."""
    text = "".join(
        char if char.isprintable() else "\N{REPLACEMENT CHARACTER}" for char in str(value)
    )
    return text if len(text) <= SHOWN_MAX else f"{text[:SHOWN_MAX]}…"


def printable_or_empty(value):
    """The text if every character of it is printable, else "": for a value carried back into
    a page as it was sent (a hidden input), where a control character (a NUL) has no use and
    must not be echoed into the HTML."""
    text = "" if value is None else str(value)
    return text if text.isprintable() else ""


NUMBERED_LINE = re.compile(r"^\s*\d+[.)]\s+(?P<text>.+)$")


def answer_blocks(answer):
    """Split an answer into ("p", text) paragraphs and ("ol", [items]) numbered lists, in order."""
    blocks = []
    for raw in (answer or "").splitlines():
        line = raw.strip()
        if not line:
            continue
        match = NUMBERED_LINE.match(line)
        if match:
            if blocks and blocks[-1][0] == "ol":
                blocks[-1][1].append(match["text"])
            else:
                blocks.append(("ol", [match["text"]]))
        else:
            blocks.append(("p", line))
    return blocks
