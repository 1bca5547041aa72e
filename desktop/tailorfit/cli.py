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
