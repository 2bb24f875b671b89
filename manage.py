#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerguide.settings.dev")
    # The database limits are for serving requests (settings.DATABASE_LIMITS): migrate, the
    # importers and every other command may wait on the database as long as they need.
    if sys.argv[1:2] != ["runserver"]:
        os.environ.setdefault("DJANGO_DATABASE_LIMITS", "off")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
