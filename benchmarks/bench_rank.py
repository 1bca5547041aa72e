"""Speed of ranking one resume against many postings (issue 8 target: 1,000 in at most 5 s).

Usage: python benchmarks/bench_rank.py [--count 1000] [--repeat 3] [--workers N] [--serial]
    [--corpus PATH]

The corpus holds about 50 postings; each generated posting is one of them with a reference
line and a sentence of its own, so every one is a new document (nothing is served from a
cache keyed on the whole text). The figure is the wall time of `tailorfit rank`'s engine,
`tailorfit.core.rank.rank_postings`, from the resume path to the last result, reading
included, worker start-up included. It is printed for 250, 500 and the full count to show
it grows linearly, and (with --serial) for one core as the comparison. --cold clears the
per-text caches before every posting, for batches whose postings share no lines.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tailorfit.core.lexicon import load_lexicon
from tailorfit.core.rank import RankRow, default_workers, rank_postings, start_method
from tailorfit.core.resources import sample_posting, sample_resume

ROOT = Path(__file__).resolve().parents[1]
RESUME = "resumes/pdf/fictional-john-doe-senior-swe-two-column-rm.pdf"
_SENTENCES = ("Hybrid work is possible.", "The team sits in two time zones.",
              "Relocation support is offered.", "Travel is under ten percent.",
              "We review applications weekly.")


def make_postings(corpus: Path | None, count: int, folder: Path) -> list[Path]:
    """``count`` distinct text postings in ``folder``, made from the corpus (or the sample)."""
    if corpus is not None:
        sources = [p.read_text(encoding="utf-8") for p in sorted(
            (corpus / "postings").rglob("*.txt"))]
    else:
        from tailorfit.core.readers import read_document

        sources = [read_document(sample_posting()).text]
    made = []
    for number in range(count):
        text = sources[number % len(sources)]
        extra = _SENTENCES[number % len(_SENTENCES)]
        path = folder / f"posting-{number:05d}.txt"
        path.write_text(f"Reference TF-{number:05d}\n\n{text}\n\n{extra} Posting {number}.\n",
                        encoding="utf-8")
        made.append(path)
    return made


def make_cold() -> None:
    """Clear the term-scan and heading caches before each posting (forked workers inherit it).

    The generated postings repeat the corpus's lines, so a worker finds most lines already
    scanned; real batches of distinct postings do not. This gives that worse case.
    """
    from tailorfit.core import rank
    from tailorfit.core.match import clear_caches

    ranked_one = rank._rank_one

    def cold(*args: Any) -> rank.RankResult:
        clear_caches()
        return ranked_one(*args)

    rank._rank_one = cold  # type: ignore[assignment]


def timed(resume: Path, postings: list[Path], workers: int | None) -> tuple[float, int, int]:
    start = time.perf_counter()
    ranked = skipped = 0
    for result in rank_postings(resume, postings, workers=workers):
        if isinstance(result, RankRow):
            ranked += 1
        else:
            skipped += 1
    return time.perf_counter() - start, ranked, skipped


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--serial", action="store_true", help="also time one core")
    parser.add_argument("--cold", action="store_true",
                        help="clear the per-text caches before every posting, as if no line "
                             "of any posting had been seen before")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    corpus = args.corpus if (args.corpus / "SOURCES.md").is_file() else None
    resume = corpus / RESUME if corpus is not None else sample_resume()
    if corpus is None:
        print(f"corpus not found at {args.corpus}: using the bundled sample", file=sys.stderr)
    load_lexicon()  # the command line loads it before ranking too
    if args.cold:
        make_cold()
    folder = Path(tempfile.mkdtemp(prefix="tailorfit-bench-rank-"))
    try:
        postings = make_postings(corpus, args.count, folder)
        workers = args.workers or default_workers()
        print(f"{workers} workers ({start_method()}), {len(postings)} postings, resume "
              f"{resume.name}; median of {args.repeat}")
        sizes = sorted({n for n in (args.count // 4, args.count // 2, args.count) if n})
        for size in sizes:
            runs = [timed(resume, postings[:size], args.workers) for _ in range(args.repeat)]
            wall = statistics.median(r[0] for r in runs)
            print(f"  {size:>5} postings: {wall:6.2f} s  ({wall / size * 1000:.2f} ms per "
                  f"posting; {runs[0][1]} ranked, {runs[0][2]} skipped)")
        if args.serial:
            wall, _, _ = timed(resume, postings, 1)
            print(f"  one core, {len(postings)} postings: {wall:6.2f} s "
                  f"({wall / len(postings) * 1000:.2f} ms per posting)")
        print(f"Target: {args.count} postings in at most 5 s")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
