#!/usr/bin/env python
import os
import sys


def main() -> None:
    # An empty value (as some shells and hooks pass) means "not set".
    os.environ["DJANGO_SETTINGS_MODULE"] = (
        os.environ.get("DJANGO_SETTINGS_MODULE") or "cvplatform.settings.local"
    )
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
