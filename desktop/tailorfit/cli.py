"""The command line: ``tailorfit parse``, ``analyze``, ``export``, ``report`` and the window by default."""

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
    _add_today(parse)

    analyze = commands.add_parser(
        "analyze", help="match a resume against a posting, requirement by requirement",
        description="Say for every requirement of the posting whether the resume meets it, "
                    "partly meets it or misses it, with the evidence.")
    analyze.add_argument("posting", type=Path, metavar="POSTING")
    analyze.add_argument("resume", type=Path, metavar="RESUME")
    analyze.add_argument("--format", choices=("text", "json"), default="text")
    _add_today(analyze)

    rank = commands.add_parser(
        "rank", help="rank many postings for one resume",
        description="Score one resume against many postings, best first. A folder stands for "
                    "every posting file in it.")
    rank.add_argument("resume", type=Path, metavar="RESUME")
    rank.add_argument("postings", type=Path, nargs="+", metavar="POSTING")
    rank.add_argument("--format", choices=("table", "json"), default="table")
    _add_today(rank)

    export = commands.add_parser(
        "export", help="write the tailored resume as a Word file",
        description="Write the resume as a .docx with the accepted edits: a Word resume is "
                    "edited in place (its own formatting kept); a PDF, text or pasted resume "
                    "becomes a clean, ATS-friendly document in a look. The written file is "
                    "read back and checked. An existing file is never replaced without "
                    "--force, and the resume you opened is never written.")
    export.add_argument("posting", type=Path, metavar="POSTING")
    export.add_argument("resume", type=Path, metavar="RESUME")
    export.add_argument("--out", type=Path, required=True, metavar="FILE.docx",
                        help='the file to write, or a folder for "Name - Company - Title.docx"')
    export.add_argument("--apply", type=Path, metavar="EDITS.json",
                        help="accepted suggestions to apply (schema tailorfit.suggestions/1)")
    # --accept KINDS (which suggestion kinds of EDITS.json to apply) comes with the
    # suggestions engine: add it here and pass it to cli_export.export(accept=...).
    export.add_argument("--template", metavar="NAME",
                        help="build a clean copy in this look (classic, modern) instead of "
                             "editing a Word resume in place")
    export.add_argument("--force", action="store_true", help="replace --out if it exists")
    export.add_argument("--tracked", action="store_true",
                        help='write the edits as Word tracked changes by "Tailorfit"')
    export.add_argument("--allow-placeholders", action="store_true",
                        help="export even if edits still hold placeholders such as [X%%]")
    _add_today(export)

    match_report = commands.add_parser(
        "report", help="write the match report as HTML or PDF",
        description="Write the match report: the score, the checklist with evidence, the "
                    "gaps to prepare for in an interview, and the accepted edits.")
    match_report.add_argument("posting", type=Path, metavar="POSTING")
    match_report.add_argument("resume", type=Path, metavar="RESUME")
    match_report.add_argument("--out", type=Path, required=True, metavar="FILE.html|FILE.pdf",
                              help="the report to write (.html or .pdf), or a folder")
    match_report.add_argument("--apply", type=Path, metavar="EDITS.json",
                              help="report on the resume with these suggestions applied")
    match_report.add_argument("--force", action="store_true", help="replace --out if it exists")
    _add_today(match_report)

    gui = commands.add_parser(
        "gui", help="open the window (the default when no command is given)",
        description="Open Tailorfit's window, optionally with a posting and a resume. With "
                    "--screenshot, render the window offscreen once the analysis is shown, "
                    "save it as a PNG and exit.")
    gui.add_argument("--posting", type=Path, metavar="FILE")
    gui.add_argument("--resume", type=Path, metavar="FILE")
    gui.add_argument("--screenshot", type=Path, metavar="PATH",
                     help="save a PNG of the window and exit (works without a display)")
    gui.add_argument("--size", type=_size, metavar="WxH", help="window size, such as 1280x800")
    gui.add_argument("--theme", choices=("light", "dark", "system"))
    gui.add_argument("--timing", action="store_true",
                     help="print when the first analysis is on screen (for benchmarks)")

    evaluate = commands.add_parser(
        "eval", help="score the engine against hand-labelled cases",
        description="Print requirement-extraction recall, verdict agreement and severe errors "
                    "for the labelled cases in a folder (see benchmarks/cases).")
    evaluate.add_argument("cases", type=Path, metavar="CASES_DIR")
    evaluate.add_argument("--verbose", action="store_true", help="list every disagreement")
    evaluate.add_argument("--format", choices=("text", "json"), default="text")
    return parser


def _add_today(command: argparse.ArgumentParser) -> None:
    command.add_argument("--today", type=_iso_date, metavar="YYYY-MM-DD",
                         help='the date "Present" means (default: today)')


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2026-11-27") from exc


def _size(value: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in value.lower().split("x"))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a size like 1280x800") from exc
    if not (320 <= width <= 8000 and 240 <= height <= 8000):
        raise argparse.ArgumentTypeError(f"{value!r} is outside 320x240 .. 8000x8000")
    return width, height


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
        if args.command == "export":
            from tailorfit import cli_export

            return cli_export.export(args.posting, args.resume, args.out, apply=args.apply,
                                     template=args.template, force=args.force,
                                     tracked=args.tracked,
                                     allow_placeholders=args.allow_placeholders,
                                     today=args.today)
        if args.command == "report":
            from tailorfit import cli_export

            return cli_export.report(args.posting, args.resume, args.out, apply=args.apply,
                                     force=args.force, today=args.today)
        if args.command == "gui":
            return _gui(args.posting, args.resume, args.screenshot, args.size, args.theme,
                        args.timing)
        return _gui(None, None, None, None, None, False)
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


def _gui(posting: Path | None, resume: Path | None, screenshot: Path | None,
         size: tuple[int, int] | None, theme: str | None, timing: bool) -> int:
    import os

    for path in (posting, resume):
        if path is not None and path.is_dir():
            raise UsageError(f"'{path.name}' is a folder, not a file. Open the resume or posting "
                             "file inside it.")
        if path is not None and not path.is_file():
            raise UsageError(f"'{path.name}' does not exist or is not a file. Check the name and "
                             "folder and try again.")
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM"))
    if headless and screenshot is None:
        raise UsageError("No display was found, so the window cannot open. Run Tailorfit from a "
                         "desktop session, or use 'tailorfit gui --screenshot out.png' to render "
                         "it offscreen.")
    from tailorfit.ui.app import GuiOptions, run

    return run(GuiOptions(posting, resume, screenshot, size, theme, timing))


_POSTING_SUFFIXES = {".txt", ".md", ".markdown", ".pdf", ".docx", ".docm", ".html", ".htm"}


def _analyze(posting: Path, resume: Path, fmt: str, today: date | None) -> int:
    from tailorfit.core import report
    from tailorfit.core.checks import check_language, check_posting
    from tailorfit.core.match import analyze
    from tailorfit.core.parse.posting import parse_posting
    from tailorfit.core.parse.resume import parse_resume
    from tailorfit.core.readers import read_document

    posting_document, resume_document = read_document(posting), read_document(resume)
    check_language(posting_document, "posting")
    check_language(resume_document, "resume")
    parsed = parse_posting(posting_document)
    check_posting(parsed)
    analysis = analyze(parsed, parse_resume(resume_document, today=today))
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
    from tailorfit.core.checks import check_language, check_posting
    from tailorfit.core.errors import NoRequirementsError, ReadError, UnsupportedLanguageError
    from tailorfit.core.lexicon import load_lexicon
    from tailorfit.core.match import Profile, Status, analyze
    from tailorfit.core.parse.posting import parse_posting
    from tailorfit.core.parse.resume import parse_resume
    from tailorfit.core.readers import read_document

    resume_document = read_document(resume_path)
    check_language(resume_document, "resume")
    resume = parse_resume(resume_document, today=today)
    lexicon = load_lexicon()
    profile = Profile(resume, lexicon)
    rows: list[dict[str, object]] = []
    for path in _expand(postings):
        try:
            document = read_document(path)
            check_language(document, "posting")
            parsed = parse_posting(document)
            check_posting(parsed)
            analysis = analyze(parsed, resume, lexicon=lexicon, profile=profile)
        except (ReadError, NoRequirementsError, UnsupportedLanguageError) as exc:
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
        print(json.dumps({"overall": totals.overall(), "by_domain": totals.by_domain(),
                          "by_kind": totals.by_kind()}, indent=2))
    else:
        print(report(totals, verbose))
    return 0
