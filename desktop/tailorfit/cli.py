"""The command line: ``tailorfit parse``, ``tailorfit --version``, and the window by default."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from tailorfit import __version__
from tailorfit.core.errors import TailorfitError, UsageError

EXIT_ERROR = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tailorfit",
        description="Tailor a resume to a job posting, requirement by requirement, offline.")
    parser.add_argument("--version", action="version", version=f"tailorfit {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    parse = commands.add_parser("parse", help="print the structure of a posting or resume",
                                description="Print the structure Tailorfit finds in a document: "
                                            "sections, requirements, roles, years, education.")
    parse.add_argument("file", type=Path, metavar="FILE")
    parse.add_argument("--as", dest="kind", choices=("posting", "resume"),
                       help="what the file is (default: guessed from its words)")
    parse.add_argument("--format", choices=("text", "json"), default="text")
    parse.add_argument("--today", type=_iso_date, metavar="YYYY-MM-DD",
                       help='the date "Present" means (default: today)')

    analyze = commands.add_parser(
        "analyze", help="match a resume against a posting, requirement by requirement",
        description="Say for every requirement of the posting whether the resume meets it, "
                    "partly meets it or misses it, with the evidence.")
    analyze.add_argument("posting", type=Path, metavar="POSTING")
    analyze.add_argument("resume", type=Path, metavar="RESUME")
    analyze.add_argument("--format", choices=("text", "json"), default="text")
    analyze.add_argument("--today", type=_iso_date, metavar="YYYY-MM-DD",
                         help='the date "Present" means (default: today)')

    rank = commands.add_parser(
        "rank", help="rank many postings for one resume",
        description="Score one resume against many postings, best first. A folder stands for "
                    "every posting file in it.")
    rank.add_argument("resume", type=Path, metavar="RESUME")
    rank.add_argument("postings", type=Path, nargs="+", metavar="POSTING")
    rank.add_argument("--format", choices=("table", "json"), default="table")
    rank.add_argument("--today", type=_iso_date, metavar="YYYY-MM-DD")

    evaluate = commands.add_parser(
        "eval", help="score the engine against hand-labelled cases",
        description="Print requirement-extraction recall, verdict agreement and severe errors "
                    "for the labelled cases in a folder (see benchmarks/cases).")
    evaluate.add_argument("cases", type=Path, metavar="CASES_DIR")
    evaluate.add_argument("--verbose", action="store_true", help="list every disagreement")
    evaluate.add_argument("--format", choices=("text", "json"), default="text")
    return parser


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2026-11-27") from exc


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "parse":
            return _parse(args.file, args.kind, args.format, args.today)
        if args.command == "analyze":
            return _analyze(args.posting, args.resume, args.format, args.today)
        if args.command == "rank":
            return _rank(args.resume, args.postings, args.format, args.today)
        if args.command == "eval":
            return _eval(args.cases, args.verbose, args.format)
        return _default()
    except TailorfitError as exc:
        print(f"tailorfit: {exc.message}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


def gui_main() -> int:
    """Entry point of the ``tailorfit-gui`` launcher."""
    return main([])


def _parse(path: Path, kind: str | None, fmt: str, today: date | None) -> int:
    from tailorfit.core import report
    from tailorfit.core.parse import guess_kind
    from tailorfit.core.parse.posting import parse_posting
    from tailorfit.core.parse.resume import parse_resume
    from tailorfit.core.readers import read_document

    document = read_document(path)
    kind = kind or guess_kind(document)
    for warning in document.source.warnings:
        print(f"tailorfit: note: {warning}", file=sys.stderr)
    if kind == "posting":
        posting = parse_posting(document)
        output = (json.dumps(report.posting_json(posting), indent=2, ensure_ascii=False)
                  if fmt == "json" else report.posting_text(posting))
    else:
        resume = parse_resume(document, today=today)
        output = (json.dumps(report.resume_json(resume), indent=2, ensure_ascii=False)
                  if fmt == "json" else report.resume_text(resume))
    print(output)
    return 0


def _default() -> int:
    """Without a command: show what Tailorfit reads from the bundled samples."""
    from tailorfit.core.resources import sample_posting, sample_resume

    posting, resume = sample_posting(), sample_resume()
    if not posting.is_file() or not resume.is_file():
        raise UsageError("The bundled samples are missing. Reinstall Tailorfit.")
    print("Tailorfit", __version__, "- the bundled sample documents:\n")
    _parse(posting, "posting", "text", None)
    print()
    _parse(resume, "resume", "text", None)
    return 0


_POSTING_SUFFIXES = {".txt", ".md", ".markdown", ".pdf", ".docx", ".docm", ".html", ".htm"}


def _analyze(posting: Path, resume: Path, fmt: str, today: date | None) -> int:
    from tailorfit.core import report
    from tailorfit.core.match import analyze_documents
    from tailorfit.core.readers import read_document

    analysis = analyze_documents(read_document(posting), read_document(resume), today=today)
    if fmt == "json":
        print(json.dumps(report.analysis_json(analysis), indent=2, ensure_ascii=False))
    else:
        print(report.analysis_text(analysis))
    return 0


def _expand(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir()
                                if p.is_file() and p.suffix.lower() in _POSTING_SUFFIXES))
        else:
            files.append(path)
    if not files:
        raise UsageError("No posting files found. Pass posting files or a folder that holds "
                         ".txt, .md, .pdf, .docx or .html postings.")
    return files


def _rank(resume_path: Path, postings: list[Path], fmt: str, today: date | None) -> int:
    from tailorfit.core.errors import ReadError
    from tailorfit.core.lexicon import load_lexicon
    from tailorfit.core.match import Profile, Status, analyze
    from tailorfit.core.parse.posting import parse_posting
    from tailorfit.core.parse.resume import parse_resume
    from tailorfit.core.readers import read_document

    resume = parse_resume(read_document(resume_path), today=today)
    lexicon = load_lexicon()
    profile = Profile(resume, lexicon)
    rows: list[dict[str, object]] = []
    for path in _expand(postings):
        try:
            analysis = analyze(parse_posting(read_document(path)), resume, lexicon=lexicon,
                               profile=profile)
        except ReadError as exc:
            print(f"tailorfit: skipped: {exc.message}", file=sys.stderr)
            continue
        counts = analysis.counts()
        rows.append({"posting": str(path), "title": analysis.posting.title,
                     "company": analysis.posting.company, "score": analysis.score,
                     "must_missing": analysis.must_missing,
                     "met": counts[Status.MET], "partial": counts[Status.PARTIAL],
                     "missing": counts[Status.MISSING],
                     "requirements": len(analysis.verdicts)})
    rows.sort(key=lambda r: (-int(str(r["score"])), int(str(r["must_missing"]))))
    if fmt == "json":
        print(json.dumps({"schema": "tailorfit.rank/1", "resume": str(resume_path),
                          "postings": rows}, indent=2, ensure_ascii=False))
        return 0
    print(f"{'#':>3} {'score':>5} {'must':>5} {'met':>4} {'part':>5} {'miss':>5}  posting")
    for index, row in enumerate(rows, start=1):
        name = row["title"] or Path(str(row["posting"])).name
        print(f"{index:>3} {row['score']:>5} {row['must_missing']:>5} {row['met']:>4} "
              f"{row['partial']:>5} {row['missing']:>5}  {name} ({Path(str(row['posting'])).name})")
    return 0


def _eval(cases: Path, verbose: bool, fmt: str) -> int:
    from tailorfit.core.evaluate import evaluate, report

    totals = evaluate(cases)
    if fmt == "json":
        print(json.dumps({"overall": totals.overall(), "by_domain": totals.by_domain()}, indent=2))
    else:
        print(report(totals, verbose))
    return 0
