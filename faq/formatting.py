"""Answers are stored as plain text; numbered lines become ordered lists when shown."""

import re

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
