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
