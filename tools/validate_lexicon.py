"""Check resources/lexicon/*.json against the schema in resources/lexicon/README.md.

Usage: python tools/validate_lexicon.py   (prints one line per problem; exit 1 if any)
The checks live in tailorfit.core.lexicon.entry.validate, which the test suite also runs.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "desktop"))

from tailorfit.core.lexicon.entry import read_files, validate

FOLDER = Path(__file__).resolve().parents[1] / "resources" / "lexicon"


def main() -> int:
    files = read_files(FOLDER)
    problems = validate(files)
    for line in problems:
        print(line)
    counts = Counter({f.path.name: len(f.entries) for f in files})
    print(f"{sum(counts.values())} entries: " + ", ".join(f"{k}={v}" for k, v in sorted(counts.items())))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
