"""Text helpers shared by the public filters and the admin."""

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
