"""Rebuild resources/lexicon/index.bin from the lexicon's JSON sources.

Run after editing any file in resources/lexicon: python tools/build_lexicon_index.py
tests/core/test_lexicon.py fails while the index is out of date.
"""

from __future__ import annotations

import sys

from tailorfit.core.lexicon import build_lexicon, lexicon_dir
from tailorfit.core.lexicon.index_file import write_index


def main() -> int:
    folder = lexicon_dir()
    lexicon = build_lexicon(folder)
    path = write_index(lexicon, folder)
    print(f"wrote {path} ({len(lexicon)} entries, {path.stat().st_size / 1024:.0f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
