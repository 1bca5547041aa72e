"""Speed of the applications library (issue 8 target: 500 applications list in under 300 ms).

Usage: python benchmarks/bench_library.py [--count 500] [--repeat 20]

Builds a library of COUNT applications in a temporary folder (TAILORFIT_HOME), each with a
posting of about 4,000 characters, two versions with working resumes, a score history and a
status change, then prints p50/max of: listing all (newest first, and by score), a search
that reads every posting's text, opening the library (integrity check included), reopening
one application, one autosave, and exporting and importing the whole library.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

POSTING = ("Senior Backend Engineer. We build routing software for parcels. Requirements: "
           "6+ years of backend experience, Go or Java, Kubernetes, Terraform, PostgreSQL, "
           "REST and gRPC APIs, mentoring engineers. Nice to have: Kafka, GraphQL. ") * 18
RESUME = ("Maya Okafor. Senior software engineer. Built Go services on Kubernetes, led "
          "design reviews, mentored four engineers, ran PostgreSQL at scale. ") * 20


def timed(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs), max(runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="tailorfit-bench-library-"))
    os.environ["TAILORFIT_HOME"] = str(folder / "home")
    from tailorfit.core.library import Library, NewApplication, read_archive

    try:
        start = time.perf_counter()
        with Library.open() as library:
            base = library.add_base_resume("Main", RESUME, file_name="maya.docx",
                                           content=b"PK" + b"\0" * 40_000)
            for number in range(args.count):
                work = library.create_application(NewApplication(
                    f"{POSTING} Ref {number}", f"posting-{number}.docx",
                    f"Company {number % 97}", f"Role {number}", base_resume_id=base.id))
                library.save_work(work.version.id, resume_text=RESUME + str(number),
                                  accepted_edits=[{"id": f"e{number}"}], decisions={"s1": 1},
                                  score=number % 100, must_missing=number % 3)
                second = library.new_version(work.application.id)
                library.record_score(second.id, (number + 7) % 100)
                if number % 3 == 0:
                    library.set_status(work.application.id, "applied")
        built = time.perf_counter() - start
        size = (folder / "home" / "data" / "library.sqlite3").stat().st_size
        print(f"Library of {args.count} applications built in {built:.1f} s "
              f"({size / 1e6:.1f} MB); p50 / max of {args.repeat} runs:")

        def report(label: str, action: Callable[[], object], repeat: int = args.repeat) -> None:
            p50, worst = timed(action, repeat)
            print(f"  {label:<44} {p50:8.1f} ms  (max {worst:.1f})")

        report("open (lock, integrity check, backup check)", lambda: Library.open().close(), 5)
        with Library.open() as library:
            rows = library.list_applications()
            assert len(rows) == args.count
            report(f"list all {args.count}, newest first", library.list_applications)
            report(f"list all {args.count}, by score", lambda: library.list_applications(
                sort="score"))
            report("search 'kubernetes role 42' (reads postings)",
                   lambda: library.list_applications("kubernetes role 42"))
            middle = rows[len(rows) // 2].id
            report("reopen one application", lambda: library.reopen(middle))
            version = library.reopen(middle).version.id
            report("autosave one version (fsync included)", lambda: library.save_work(
                version, resume_text=RESUME, accepted_edits=[], decisions={}, score=50))
            archive = folder / "library.tailorfit"
            report("export the whole library to one archive",
                   lambda: library.export_archive(archive), 3)
        print(f"  archive size {archive.stat().st_size / 1e6:.1f} MB")
        with Library.open(folder / "other") as other:
            start = time.perf_counter()
            other.import_archive(read_archive(archive))
            print(f"  {'import it into an empty library':<44} "
                  f"{(time.perf_counter() - start) * 1000:8.1f} ms")
        print("Target: the list of 500 applications in under 300 ms")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
