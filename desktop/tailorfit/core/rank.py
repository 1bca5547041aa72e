"""Ranking one resume against many postings on every core, for career centers' batches.

The resume is read and parsed once, and the lexicon loaded, before the worker processes
start: with "fork" (Linux) the workers inherit both ready-made; with "spawn" (Windows,
macOS) each worker loads the prebuilt lexicon index and parses the resume once. Postings
are then read, parsed and analysed in the workers, in chunks. Results come back in input
order as an iterator, so the command line prints as it goes and the window shows progress;
setting the ``cancel`` event (from any thread) stops the workers at once. Small batches run
in this process: starting workers would cost more than it saves.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from multiprocessing.pool import Pool
from pathlib import Path
from typing import TYPE_CHECKING

from tailorfit.core.errors import TailorfitError

if TYPE_CHECKING:
    from tailorfit.core.lexicon import Lexicon
    from tailorfit.core.match import Profile
    from tailorfit.core.model import Document
    from tailorfit.core.parse.resume import Resume

SERIAL_BELOW = 12  # postings: fewer run in this process
_POLL = 0.05  # seconds between looks at the cancel event while waiting for a result


@dataclass(frozen=True, slots=True)
class RankRow:
    """One posting scored against the resume."""

    index: int  # position in the input
    path: Path
    title: str | None
    company: str | None
    score: int
    must_missing: int
    met: int
    partial: int
    missing: int
    requirements: int

    def to_json(self) -> dict[str, object]:
        """The row of ``tailorfit rank --format json`` (schema ``tailorfit.rank/1``)."""
        return {"posting": str(self.path), "title": self.title, "company": self.company,
                "score": self.score, "must_missing": self.must_missing, "met": self.met,
                "partial": self.partial, "missing": self.missing,
                "requirements": self.requirements}


@dataclass(frozen=True, slots=True)
class Skipped:
    """A posting that could not be ranked, with the message to show."""

    index: int
    path: Path
    message: str


RankResult = RankRow | Skipped


class WorkerCrashError(TailorfitError):
    """A worker process died (a crash inside a file reader) while the batch ran."""


POSTING_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".pdf", ".docx", ".docm", ".html",
                              ".htm"})


def posting_files(paths: Sequence[Path]) -> list[Path]:
    """The files to rank: a folder stands for every posting file directly inside it."""
    from tailorfit.core.errors import UsageError

    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir()
                                if p.is_file() and p.suffix.lower() in POSTING_SUFFIXES))
        else:
            files.append(path)
    if not files:
        raise UsageError("No posting files found. Pass posting files or a folder that holds "
                         ".txt, .md, .pdf, .docx or .html postings.")
    return files


def best_first(rows: Sequence[RankRow]) -> list[RankRow]:
    """Highest score first; ties go to fewer missing must-haves, then input order."""
    return sorted(rows, key=lambda r: (-r.score, r.must_missing, r.index))


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - Windows and macOS
        return max(1, os.cpu_count() or 1)


def start_method() -> str:
    """"fork" where it is available and safe (Linux), else "spawn"."""
    available = multiprocessing.get_all_start_methods()
    return "fork" if sys.platform.startswith("linux") and "fork" in available else "spawn"


def read_resume(resume: Path | Document, today: date | None = None) -> Resume:
    """Read and parse the resume; raises the usual errors (unreadable, not English)."""
    from tailorfit.core.checks import check_language
    from tailorfit.core.parse.resume import parse_resume
    from tailorfit.core.readers import read_document

    document = read_document(resume) if isinstance(resume, Path) else resume
    check_language(document, "resume")
    return parse_resume(document, today=today)


def rank_postings(resume: Path | Document, postings: Sequence[Path], *,
                  today: date | None = None, workers: int | None = None,
                  cancel: threading.Event | None = None,
                  progress: Callable[[int, int], None] | None = None,
                  method: str | None = None) -> Iterator[RankResult]:
    """Score ``resume`` against every posting; yields one result per posting, in order.

    The resume is read and checked before this returns, so a bad resume raises here and not
    mid-batch. ``progress(done, total)`` is called after each result, on the iterating
    thread. Setting ``cancel`` (from any thread) ends the iteration within 50 ms and stops
    the workers; so does leaving a ``for`` loop over it early. ``method`` forces "fork" or
    "spawn" (default: :func:`start_method`).
    """
    parsed = read_resume(resume, today)
    paths = [Path(p) for p in postings]
    count = min(workers or default_workers(), max(1, len(paths)))
    if count <= 1 or len(paths) < SERIAL_BELOW:
        return _serial(parsed, paths, cancel, progress)
    return _parallel(parsed, resume, today, paths, count, cancel, progress,
                     method or start_method())


def _serial(resume: Resume, paths: list[Path], cancel: threading.Event | None,
            progress: Callable[[int, int], None] | None) -> Iterator[RankResult]:
    from tailorfit.core.lexicon import load_lexicon
    from tailorfit.core.match import Profile

    lexicon = load_lexicon()
    profile = Profile(resume, lexicon)
    for index, path in enumerate(paths):
        if cancel is not None and cancel.is_set():
            return
        yield _rank_one(index, path, resume, lexicon, profile)
        if progress is not None:
            progress(index + 1, len(paths))


def _parallel(resume: Resume, source: Path | Document, today: date | None, paths: list[Path],
              workers: int, cancel: threading.Event | None,
              progress: Callable[[int, int], None] | None, method: str) -> Iterator[RankResult]:
    before = set(multiprocessing.active_children())
    pool = _start_pool(resume, source, today, workers, method, paths)
    started = [p for p in multiprocessing.active_children() if p not in before]
    # Small chunks keep every core busy to the end and progress smooth; 8 postings (about
    # 0.1 s of work) already make the cost of passing them between processes negligible.
    chunk = max(1, min(8, len(paths) // (workers * 16)))
    tasks = list(enumerate(paths))
    chunks = [tasks[i:i + chunk] for i in range(0, len(tasks), chunk)]
    done = 0
    try:
        results = pool.imap(_work, chunks)  # chunksize 1: an IMapIterator with next(timeout)
        while done < len(paths):
            if cancel is not None and cancel.is_set():
                return
            try:
                batch: list[RankResult] = results.next(timeout=_POLL)
            except multiprocessing.TimeoutError:
                if any(p.exitcode is not None for p in started):
                    raise WorkerCrashError(
                        f"Tailorfit stopped while reading a posting near "
                        f"'{paths[done].name}'. Move that file out of the batch and run it "
                        "again.", path=paths[done]) from None
                continue
            for result in batch:
                if cancel is not None and cancel.is_set():
                    return
                done += 1
                yield result
                if progress is not None:
                    progress(done, len(paths))
        pool.close()
        pool.join()
    finally:
        pool.terminate()


_STATE: tuple[Resume, Lexicon, Profile] | None = None
_STATE_LOCK = threading.Lock()


def _start_pool(resume: Resume, source: Path | Document, today: date | None, workers: int,
                method: str, paths: Sequence[Path] = ()) -> Pool:
    """A pool whose workers hold the lexicon and the resume."""
    global _STATE
    context = multiprocessing.get_context(method)
    if method != "fork":
        return context.Pool(workers, initializer=_start_worker, initargs=(source, today))
    from tailorfit.core.lexicon import load_lexicon
    from tailorfit.core.match import Profile

    lexicon = load_lexicon()
    profile = Profile(resume, lexicon)
    _preload(paths)
    with _STATE_LOCK:
        # Forked workers inherit the lexicon and the parsed resume. Freezing the heap first
        # keeps their garbage collector from walking (and so copying) the lexicon's objects.
        _STATE = (resume, lexicon, profile)
        gc.freeze()
        try:
            return context.Pool(workers)
        finally:
            gc.unfreeze()
            _STATE = None


_READERS = {".pdf": "pdf", ".docx": "docx", ".docm": "docx", ".dotx": "docx", ".html": "html",
            ".htm": "html"}


def _preload(paths: Sequence[Path]) -> None:
    """Import what the workers will need once, here, so forked workers share it."""
    import importlib

    modules = {"checks", "parse.posting", "match.analysis"}
    modules.update(f"readers.{_READERS[s]}" for s in {p.suffix.lower() for p in paths}
                   if s in _READERS)
    for name in sorted(modules):
        importlib.import_module(f"tailorfit.core.{name}")


def _start_worker(source: Path | Document, today: date | None) -> None:
    """A spawned worker's set-up: the prebuilt lexicon index and the resume, once."""
    global _STATE
    from tailorfit.core.lexicon import load_lexicon
    from tailorfit.core.match import Profile

    resume = read_resume(source, today)
    lexicon = load_lexicon()
    _STATE = (resume, lexicon, Profile(resume, lexicon))


def _work(tasks: list[tuple[int, Path]]) -> list[RankResult]:
    assert _STATE is not None, "the worker was not set up"
    return [_rank_one(index, path, *_STATE) for index, path in tasks]


def _rank_one(index: int, path: Path, resume: Resume, lexicon: Lexicon,
              profile: Profile) -> RankResult:
    """Read, parse and analyse one posting; a posting that cannot be ranked is skipped."""
    from tailorfit.core.checks import check_language, check_posting
    from tailorfit.core.match import Status, analyze
    from tailorfit.core.parse.posting import parse_posting
    from tailorfit.core.readers import read_document

    try:
        document = read_document(path)
        check_language(document, "posting")
        parsed = parse_posting(document)
        check_posting(parsed)
        analysis = analyze(parsed, resume, lexicon=lexicon, profile=profile, brief=True)
    except TailorfitError as exc:
        return Skipped(index, path, exc.message)
    except Exception as exc:  # one odd posting must not sink a batch of 1,000
        return Skipped(index, path, f"'{path.name}' could not be analysed "
                                    f"({type(exc).__name__}). Check the file, or report it "
                                    "with the file attached.")
    counts = analysis.counts()
    return RankRow(index, path, analysis.posting.title, analysis.posting.company,
                   analysis.score, analysis.must_missing, counts[Status.MET],
                   counts[Status.PARTIAL], counts[Status.MISSING], len(analysis.verdicts))

