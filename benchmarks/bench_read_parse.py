"""Time reading and parsing over the evaluation corpus; print p50 and p95 per file type.

Usage: python benchmarks/bench_read_parse.py [--repeat N] [--corpus PATH]
Interpreter start-up and imports are excluded: every file is read once to warm up, then timed.
Target (issue 2): a two-page resume PDF plus a posting read and parsed in 30 ms at p50.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

from tailorfit.core.parse.posting import parse_posting
from tailorfit.core.parse.resume import parse_resume
from tailorfit.core.readers import read_document

ROOT = Path(__file__).resolve().parents[1]
SUFFIXES = {".pdf", ".docx", ".txt", ".md", ".html", ".htm"}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def time_once(path: Path, kind: str) -> float:
    start = time.perf_counter()
    document = read_document(path)
    if kind == "posting":
        parse_posting(document)
    else:
        parse_resume(document)
    return (time.perf_counter() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    if not (args.corpus / "SOURCES.md").is_file():
        print(f"corpus not found at {args.corpus}; pass --corpus PATH", file=sys.stderr)
        return 2
    files = [(p, "posting") for p in sorted((args.corpus / "postings").rglob("*"))
             if p.suffix.lower() in SUFFIXES]
    files += [(p, "resume") for p in sorted((args.corpus / "resumes").rglob("*"))
              if p.suffix.lower() in SUFFIXES]
    by_type: dict[str, list[float]] = defaultdict(list)
    for path, kind in files:
        time_once(path, kind)  # warm-up: lazy imports and caches
        for _ in range(args.repeat):
            by_type[f"{kind} {path.suffix.lower().lstrip('.')}"].append(time_once(path, kind))
    print(f"Read + parse over {len(files)} corpus files, {args.repeat} runs each (ms)")
    print(f"{'type':<16}{'files':>6}{'p50':>9}{'p95':>9}{'max':>9}")
    for name in sorted(by_type):
        values = by_type[name]
        print(f"{name:<16}{len(values) // args.repeat:>6}{statistics.median(values):>9.1f}"
              f"{percentile(values, 0.95):>9.1f}{max(values):>9.1f}")

    posting = args.corpus / "postings" / "backend-go-php-senior-mercari-teal.txt"
    two_page = []
    for path in sorted((args.corpus / "resumes" / "pdf").glob("*.pdf")):
        import pypdfium2

        if len(pypdfium2.PdfDocument(path)) == 2:
            two_page.append(path)
    pair: list[float] = []
    for resume in two_page:
        for _ in range(args.repeat):
            pair.append(time_once(resume, "resume") + time_once(posting, "posting"))
    print(f"\nTwo-page resume PDF + posting ({len(two_page)} resumes x Mercari posting): "
          f"p50 {statistics.median(pair):.1f} ms, p95 {percentile(pair, 0.95):.1f} ms "
          f"(target: 30 ms at p50)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
