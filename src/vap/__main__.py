"""``python -m vap``: the command line."""

import sys

from vap.cli import main

sys.exit(main())
