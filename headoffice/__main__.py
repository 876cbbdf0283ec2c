"""``python -m headoffice``: the same as the ``amends-headoffice`` command."""

import sys

from headoffice.cli import main

sys.exit(main())
