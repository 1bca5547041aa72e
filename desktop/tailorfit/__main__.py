"""`python -m tailorfit` runs the command line (the window when no command is given)."""

import sys

from tailorfit.cli import main

sys.exit(main())
