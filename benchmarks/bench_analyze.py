"""Speed of the matching engine (issue 3 targets), printed as figures.

Usage: python benchmarks/bench_analyze.py [--repeat N] [--corpus PATH]
- lexicon load in a fresh process (target: ready in at most 60 ms), import time shown apart;
- analyze with both documents already read: the founding posting against each two-page resume
  (target: 10 ms at p50), with term caches cleared (a new pair) and warm (re-analysis while
  typing, where unchanged blocks are cached);
- rank one resume against 40 postings, reading included (target: under 1 s).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pypdfium2

from tailorfit.core.lexicon import load_lexicon
from tailorfit.core.match import Profile, analyze, analyze_documents, clear_caches
from tailorfit.core.parse.posting import parse_posting
from tailorfit.core.parse.resume import parse_resume
from tailorfit.core.readers import read_document

ROOT = Path(__file__).resolve().parents[1]
LOAD_SCRIPT = """
import time
t0 = time.perf_counter()
from tailorfit.core.lexicon import load_lexicon
t1 = time.perf_counter()
load_lexicon()
t2 = time.perf_counter()
print(f"{(t1 - t0) * 1000:.1f} {(t2 - t1) * 1000:.1f}")
"""


def p50(values: list[float]) -> float:
    return statistics.median(values)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    if not (args.corpus / "SOURCES.md").is_file():
        print(f"corpus not found at {args.corpus}; pass --corpus PATH", file=sys.stderr)
        return 2

    imports, loads = [], []
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", LOAD_SCRIPT], check=True,
                             capture_output=True, text=True).stdout.split()
        imports.append(float(out[0]))
        loads.append(float(out[1]))
    print(f"Lexicon load in a fresh process: p50 {p50(loads):.0f} ms "
          f"(+ {p50(imports):.0f} ms imports); target 60 ms")

    lexicon = load_lexicon()
    posting_doc = read_document(args.corpus / "postings" / "backend-go-php-senior-mercari-teal.txt")
    resumes = [p for p in sorted((args.corpus / "resumes" / "pdf").glob("*.pdf"))
               if len(pypdfium2.PdfDocument(p)) == 2]
    cold, warm = [], []
    for path in resumes:
        resume_doc = read_document(path)
        for _ in range(args.repeat):
            clear_caches()
            start = time.perf_counter()
            analyze_documents(posting_doc, resume_doc, lexicon=lexicon)
            cold.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            analyze_documents(posting_doc, resume_doc, lexicon=lexicon)
            warm.append((time.perf_counter() - start) * 1000)
    print(f"Analyze Mercari posting x {len(resumes)} two-page resumes (documents read): "
          f"p50 {p50(cold):.1f} ms new pair, p50 {p50(warm):.1f} ms re-analysis; target 10 ms")

    postings = sorted(p for p in (args.corpus / "postings").rglob("*")
                      if p.suffix in (".txt", ".pdf", ".docx"))[:40]
    resume_path = args.corpus / "resumes" / "pdf" / "fictional-john-doe-senior-swe-two-column-rm.pdf"
    runs = []
    for _ in range(5):
        clear_caches()
        start = time.perf_counter()
        resume = parse_resume(read_document(resume_path))
        profile = Profile(resume, lexicon)
        for path in postings:
            analyze(parse_posting(read_document(path)), resume, lexicon=lexicon, profile=profile)
        runs.append(time.perf_counter() - start)
    print(f"Rank one resume against {len(postings)} postings (reading included): "
          f"p50 {p50(runs) * 1000:.0f} ms; target under 1000 ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
