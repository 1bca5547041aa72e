"""The command line: ``tailorfit parse``, ``analyze``, ``rank``, ``suggest``, ``export``,
``report``, ``forget`` and the window by default."""

from __future__ import annotations

import argparse
import json
import sys
import time
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
        description="Score one resume against many postings, best first, on every core. A "
                    "folder stands for every posting file directly inside it. Postings that "
                    "cannot be read are listed on stderr and left out.")
    rank.add_argument("resume", type=Path, metavar="RESUME")
    rank.add_argument("postings", type=Path, nargs="+", metavar="FOLDER|POSTING")
    # "table" is the name this format had before; kept so existing scripts still work.
    rank.add_argument("--format", choices=("text", "table", "json"), default="text")
    rank.add_argument("--top", type=_positive, metavar="N", help="show only the N best postings")
    _add_today(rank)

    suggest = commands.add_parser(
        "suggest", help="suggest edits that tailor the resume to a posting",
        description="List the edits Tailorfit suggests for the resume against the posting, "
                    "with the reason for each. --format json writes an edits file that "
                    "'tailorfit export --apply' takes (schema tailorfit.suggestions/1).")
    suggest.add_argument("posting", type=Path, metavar="POSTING")
    suggest.add_argument("resume", type=Path, metavar="RESUME")
    suggest.add_argument("--format", choices=("text", "json"), default="text")

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
    _add_accept(export)
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
    _add_accept(match_report)
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
    gui.add_argument("--private", action="store_true",
                     help="a private session for a shared computer: nothing is kept after "
                          "the window closes except the files you export")

    forget = commands.add_parser(
        "forget", help='"Forget me on this computer": delete your Tailorfit data',
        description="Delete your settings and recent-file lists, the working session, pasted "
                    "postings, the applications library with its backups, the truth bank and "
                    "the cache from this computer, after listing them and asking. Files you "
                    "exported are not touched.")
    forget.add_argument("--yes", action="store_true", help="delete without asking")

    evaluate = commands.add_parser(
        "eval", help="score the engine against hand-labelled cases",
        description="Print requirement-extraction recall, verdict agreement and severe errors "
                    "for the labelled cases in a folder (see benchmarks/cases).")
    evaluate.add_argument("cases", type=Path, metavar="CASES_DIR")
    evaluate.add_argument("--verbose", action="store_true", help="list every disagreement")
    evaluate.add_argument("--format", choices=("text", "json"), default="text")
    return parser


def _add_accept(command: argparse.ArgumentParser) -> None:
    command.add_argument("--accept", type=_kinds, metavar="KINDS",
                         help="apply only the suggestions of these kinds from --apply, comma "
                              "separated (such as mirror,opener)")


def _kinds(value: str) -> tuple[str, ...]:
    kinds = tuple(dict.fromkeys(k.strip().lower() for k in value.split(",") if k.strip()))
    if not kinds:
        raise argparse.ArgumentTypeError("give one or more suggestion kinds, comma separated, "
                                         "such as mirror,opener")
    return kinds


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from exc
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} must be 1 or more")
    return number


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
    # A frozen app's worker processes (batch ranking on Windows and macOS) start by running
    # this executable: freeze_support() turns them into workers before anything else runs.
    if getattr(sys, "frozen", False):
        # Only a frozen app needs it, and importing multiprocessing costs every command
        # about 10 ms of start-up.
        import multiprocessing

        multiprocessing.freeze_support()
    args = _parser().parse_args(argv)
    try:
        _start(args.command or "gui", bool(getattr(args, "private", False)))
        if args.command == "parse":
            return _parse(args.file, args.kind, args.format, args.today)
        if args.command == "analyze":
            return _analyze(args.posting, args.resume, args.format, args.today)
        if args.command == "rank":
            return _rank(args.resume, args.postings, args.format, args.top, args.today)
        if args.command == "suggest":
            from tailorfit.cli_suggest import run_suggest

            return run_suggest(args.posting, args.resume, args.format)
        if args.command == "forget":
            return _forget(args.yes)
        if args.command == "eval":
            return _eval(args.cases, args.verbose, args.format)
        if args.command == "export":
            from tailorfit import cli_export

            _check_accept(args.accept, args.apply)
            return cli_export.export(args.posting, args.resume, args.out, apply=args.apply,
                                     template=args.template, force=args.force,
                                     tracked=args.tracked,
                                     allow_placeholders=args.allow_placeholders,
                                     today=args.today, accept=args.accept)
        if args.command == "report":
            from tailorfit import cli_export

            _check_accept(args.accept, args.apply)
            return cli_export.report(args.posting, args.resume, args.out, apply=args.apply,
                                     force=args.force, today=args.today, accept=args.accept)
        if args.command == "gui":
            return _gui(args.posting, args.resume, args.screenshot, args.size, args.theme,
                        args.timing, args.private)
        return _gui(None, None, None, None, None, False)
    except TailorfitError as exc:
        print(f"tailorfit: {exc.message}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


def _start(command: str, private: bool) -> None:
    """What every start does first (see :func:`tailorfit.core.paths.start_session`): wipe
    private folders left by crashed runs, enter a private session when asked, and create the
    user's folders owner-only."""
    from tailorfit.core import paths

    try:
        paths.start_session(private=private)
    except OSError as exc:
        where = getattr(exc, "filename", None) or "its data folder"
        problem = (f"Tailorfit could not create {where} ({exc.strerror or exc}). Check that "
                   "you may write there, or set TAILORFIT_HOME to a folder you may write to.")
        if command in ("gui", "forget") or private:
            raise UsageError(problem) from exc
        print(f"tailorfit: note: {problem}", file=sys.stderr)  # the command itself writes nothing


def _check_accept(accept: Sequence[str] | None, apply: Path | None) -> None:
    if accept is None:
        return
    from tailorfit.core.suggest.export import unknown_kinds
    from tailorfit.core.suggest.model import Kind

    known = sorted(kind.value for kind in Kind)
    unknown = unknown_kinds(accept)
    if apply is None and unknown:
        raise UsageError(f"--accept takes kinds of suggestion ({', '.join(known)}); "
                         f"'{unknown[0]}' is not one. Check the spelling.")
    for kind in unknown:
        assert apply is not None
        print(f"tailorfit: note: '{kind}' is not a kind of suggestion Tailorfit makes "
              f"({', '.join(known)}); only suggestions of that kind in {apply.name} are "
              "applied.", file=sys.stderr)


def _forget(assume_yes: bool) -> int:
    from tailorfit.core import privacy

    try:
        return privacy.forget_command(assume_yes)
    except privacy.ForgetError as exc:
        if exc.removed:
            print(privacy.describe(exc.removed))
        raise


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
         size: tuple[int, int] | None, theme: str | None, timing: bool,
         private: bool = False) -> int:
    """Open the window. A private session (``private``) was started by :func:`_start`
    before this, so settings, session, library and caches live in its folder, which is
    wiped when the process exits (and by the next start if it crashes)."""
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

    return run(GuiOptions(posting, resume, screenshot, size, theme, timing, private))


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


def _rank(resume_path: Path, postings: list[Path], fmt: str, top: int | None,
          today: date | None) -> int:
    from tailorfit.core import rank

    for path in postings:
        if not path.exists():
            raise UsageError(f"'{path.name}' does not exist. Check the folder or file name and "
                             "try again.")
    files = rank.posting_files(postings)
    progress = _Progress(len(files)) if sys.stderr.isatty() else None
    rows: list[rank.RankRow] = []
    skipped: list[rank.Skipped] = []
    try:
        for result in rank.rank_postings(resume_path, files, today=today,
                                         progress=progress.show if progress else None):
            if isinstance(result, rank.RankRow):
                rows.append(result)
            else:
                skipped.append(result)
    finally:
        if progress is not None:
            progress.clear()
    for item in skipped:
        print(f"tailorfit: skipped: {item.message}", file=sys.stderr)
    if not rows:
        raise UsageError(f"None of the {len(files)} posting file(s) could be ranked; the notes "
                         "above say why. Check that they are job postings in English.")
    ranked = rank.best_first(rows)[:top]
    if fmt == "json":
        print(json.dumps({"schema": "tailorfit.rank/1", "resume": str(resume_path),
                          "postings": [row.to_json() for row in ranked],
                          "skipped": [{"posting": str(s.path), "message": s.message}
                                      for s in skipped]}, indent=2, ensure_ascii=False))
        return 0
    print(f"{'#':>3} {'score':>5} {'must':>5} {'met':>4} {'part':>5} {'miss':>5}  posting")
    for number, row in enumerate(ranked, start=1):
        name = row.title or row.path.name
        print(f"{number:>3} {row.score:>5} {row.must_missing:>5} {row.met:>4} "
              f"{row.partial:>5} {row.missing:>5}  {name} ({row.path.name})")
    if top is not None and len(rows) > top:
        print(f"({len(rows) - top} more not shown; --top {top} limits the list)")
    return 0


class _Progress:
    """"Ranked 120 of 1000" on one line of a terminal's stderr, at most ten times a second."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.shown = 0.0

    def show(self, done: int, total: int) -> None:
        moment = time.monotonic()
        if done < total and moment - self.shown < 0.1:
            return
        self.shown = moment
        print(f"\rRanked {done} of {total} postings", end="", file=sys.stderr, flush=True)

    def clear(self) -> None:
        if self.shown:
            print("\r\033[K", end="", file=sys.stderr, flush=True)


def _eval(cases: Path, verbose: bool, fmt: str) -> int:
    from tailorfit.core.evaluate import evaluate, report

    totals = evaluate(cases)
    if fmt == "json":
        print(json.dumps({"overall": totals.overall(), "by_domain": totals.by_domain(),
                          "by_kind": totals.by_kind()}, indent=2))
    else:
        print(report(totals, verbose))
    return 0
