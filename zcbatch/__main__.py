"""Run the command line with ``python -m zcbatch``."""

import sys

from zcbatch.cli import console

sys.exit(console())
