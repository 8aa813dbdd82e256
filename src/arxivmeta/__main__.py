"""Run the command-line interface: ``python -m arxivmeta clean FILE``."""

import sys

from arxivmeta.cli import main

sys.exit(main())
