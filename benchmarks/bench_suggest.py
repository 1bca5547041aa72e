"""Speed of the suggestions engine (issue 9 target: at most 30 ms p50 after the analysis).

Usage: python benchmarks/bench_suggest.py [--repeat N] [--corpus PATH]
Suggestions for the Mercari posting against every two-page PDF resume of the corpus, and for
the bundled sample pair; the analysis is done first and not timed. The first call of a
process also loads lemminflect's and proselint's data: it is printed apart.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import pypdfium2

from tailorfit.core.lexicon import load_lexicon
from tailorfit.core.match import analyze_documents
from tailorfit.core.readers import read_document
from tailorfit.core.resources import sample_posting, sample_resume
from tailorfit.core.suggest import suggest

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    lexicon = load_lexicon()
    pairs = [(read_document(sample_posting()), read_document(sample_resume()))]
    if (args.corpus / "SOURCES.md").is_file():
        posting = read_document(args.corpus / "postings" / "backend-go-php-senior-mercari-teal.txt")
        pairs += [(posting, read_document(p))
                  for p in sorted((args.corpus / "resumes" / "pdf").glob("*.pdf"))
                  if len(pypdfium2.PdfDocument(p)) == 2]
    else:
        print(f"corpus not found at {args.corpus}: the sample pair only", file=sys.stderr)
    analyses = [analyze_documents(p, r, lexicon=lexicon) for p, r in pairs]
    start = time.perf_counter()
    suggest(analyses[0], lexicon=lexicon)
    first = (time.perf_counter() - start) * 1000
    times: list[float] = []
    counts: list[int] = []
    for analysis in analyses:
        for _ in range(args.repeat):
            start = time.perf_counter()
            found = suggest(analysis, lexicon=lexicon)
            times.append((time.perf_counter() - start) * 1000)
        counts.append(len(found))
    times.sort()
    print(f"First call in a process (loads lemminflect and proselint data): {first:.0f} ms")
    print(f"Suggestions for {len(analyses)} two-page pairs ({sum(counts)} suggestions): "
          f"p50 {statistics.median(times):.1f} ms, p95 {times[int(len(times) * 0.95)]:.1f} ms "
          "after the analysis; target 30 ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
