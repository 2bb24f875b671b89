"""Reading the environment: shared by the settings and gunicorn.conf.py, which must not import
the settings (they open nothing, but gunicorn reads its file before Django is set up)."""

import os


def whole_number(name, default):
    """The variable as a whole number, `default` when unset or empty; a clear exit otherwise."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    if not value.isdigit():
        raise SystemExit(f"careerguide: {name} must be a whole number, not {value!r}.")
    return int(value)
