"""``python -m newslint``: the same as the ``newslint`` command."""
import sys

from .cli import main

sys.exit(main())
