"""The frozen app's entry point: the same command line as `tailorfit`, the window by default."""

import sys

from tailorfit.cli import main

if __name__ == "__main__":
    sys.exit(main())
