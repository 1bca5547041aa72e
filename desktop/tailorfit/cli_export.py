"""``tailorfit export`` and ``tailorfit report``: the tailored DOCX and the match report.

Kept apart from :mod:`tailorfit.cli` (which parses arguments) so the export's imports load
only when an export runs. Errors are :class:`~tailorfit.core.errors.TailorfitError`s: the
caller prints them and exits with code 2, and nothing has been written.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from tailorfit.core.errors import UsageError, display_name

if TYPE_CHECKING:
    from tailorfit.core.edits import Edit
    from tailorfit.core.export.suggestions import AcceptedSuggestion
    from tailorfit.core.match.result import Analysis
    from tailorfit.core.model import Document
    from tailorfit.core.parse.posting import Posting


@dataclass(frozen=True)
class _Pair:
    posting: Posting
    resume: Document
    suggestions: list[AcceptedSuggestion]
    edits: list[Edit]


def _load(posting_path: Path, resume_path: Path, apply: Path | None,
          accept: Sequence[str] | None) -> _Pair:
    from tailorfit.core.checks import check_language, check_posting
    from tailorfit.core.export.suggestions import load_suggestions, suggestion_edits
    from tailorfit.core.parse.posting import parse_posting
    from tailorfit.core.readers import read_document

    posting_document, resume = read_document(posting_path), read_document(resume_path)
    check_language(posting_document, "posting")
    check_language(resume, "resume")
    posting = parse_posting(posting_document)
    check_posting(posting)
    if apply is not None:
        suggestions = select_suggestions(load_suggestions(apply), accept)
    elif accept:
        suggestions = _suggested(posting, resume, accept)
    else:
        suggestions = []
    return _Pair(posting, resume, suggestions, suggestion_edits(resume, suggestions))


def _suggested(posting: Posting, resume: Document,
               kinds: Sequence[str]) -> list[AcceptedSuggestion]:
    """``--accept KINDS`` without an edits file: this engine's suggestions of those kinds that
    need no confirmation (a question or a placeholder is never applied unasked)."""
    from tailorfit.core.match import analyze
    from tailorfit.core.parse.resume import parse_resume
    from tailorfit.core.suggest import suggest
    from tailorfit.core.suggest.export import accepted_by_kind
    from tailorfit.core.truth import TruthBank

    analysis = analyze(posting, parse_resume(resume))
    bank = TruthBank.load()
    found = suggest(analysis, confirmed=bank.confirmed(), denied=bank.denied())
    return accepted_by_kind(found, kinds, resume)


def select_suggestions(suggestions: list[AcceptedSuggestion],
                       accept: Sequence[str] | None) -> list[AcceptedSuggestion]:
    """The suggestions of an edits file to apply: all of them, or those of the kinds that
    ``--accept KINDS`` names."""
    if accept is None:
        return suggestions
    return [s for s in suggestions if s.kind in accept]


def _out_path(out: Path, suffixes: tuple[str, ...], default_suffix: str, pair: _Pair,
              person: str | None) -> Path:
    """``--out`` as given, or a default name inside it when it is a folder."""
    from tailorfit.core.export.save import default_file_name

    if out.is_dir():
        return out / default_file_name(person, pair.posting.company, pair.posting.title,
                                       default_suffix)
    if out.suffix.lower() not in suffixes:
        raise UsageError(f"{display_name(out)} is not a {' or '.join(suffixes)} file. Give "
                         f"--out a name ending in {' or '.join(suffixes)}, or a folder.")
    posting = pair.posting.document.source.path
    if posting is not None and out.exists() and out.resolve() == posting.resolve():
        raise UsageError(f"{display_name(out)} is the posting you gave; Tailorfit never writes "
                         "over it. Choose another name.")
    return out


def export(posting_path: Path, resume_path: Path, out: Path, *, apply: Path | None,
           template: str | None, force: bool, tracked: bool, allow_placeholders: bool,
           today: date | None, accept: Sequence[str] | None = None) -> int:
    """Write the tailored DOCX and print what was written and what to watch for."""
    from tailorfit.core.export.pipeline import ExportOptions, export_resume
    from tailorfit.core.parse.resume import parse_resume

    pair = _load(posting_path, resume_path, apply, accept)
    person = parse_resume(pair.resume, today=today).contact.name
    target = _out_path(out, (".docx",), ".docx", pair, person)
    options = ExportOptions(overwrite=force, template=template, tracked=tracked,
                            allow_placeholders=allow_placeholders, today=today)
    result = export_resume(pair.resume, target, edits=pair.edits, options=options,
                           posting=pair.posting)
    how = ("edited in place, your formatting kept" if result.mode == "in-place"
           else f"a clean copy in the '{result.template}' look")
    blocks = len({e.block for e in result.edits})
    print(f"Wrote {target} ({how}): {len(pair.suggestions)} suggestion(s) applied, "
          f"{blocks} paragraph(s) changed.")
    if result.score_after is not None:
        print(f"Score against the posting: {result.score_after}/100 "
              f"(before export: {result.score_before}).")
    for note in result.notes:
        print(f"tailorfit: note: {note}", file=sys.stderr)
    if result.warnings:
        print("ATS warnings:")
        for warning in result.warnings:
            print(f"  - {warning.message}")
    return 0


def report(posting_path: Path, resume_path: Path, out: Path, *, apply: Path | None,
           force: bool, today: date | None, accept: Sequence[str] | None = None) -> int:
    """Write the match report as HTML or PDF."""
    from tailorfit.core.edits import apply_edits
    from tailorfit.core.export.report import edit_rows, render_report, write_report_html
    from tailorfit.core.match import analyze
    from tailorfit.core.parse.resume import parse_resume

    pair = _load(posting_path, resume_path, apply, accept)
    resume = parse_resume(apply_edits(pair.resume, pair.edits), today=today)
    target = _out_path(out, (".html", ".htm", ".pdf"), " - match report.html", pair,
                       resume.contact.name)
    analysis: Analysis = analyze(pair.posting, resume)
    html = render_report(analysis, edits=edit_rows(pair.resume, pair.edits, pair.suggestions))
    if target.suffix.lower() == ".pdf":
        try:
            from tailorfit.ui.pdf import write_report_pdf
        except ImportError as exc:
            raise UsageError("PDF reports need Qt (PySide6), which is not installed. Write an "
                             ".html report instead, or install Tailorfit with its window.") from exc
        write_report_pdf(html, target, overwrite=force, source=resume_path,
                         title=f"Match report: {pair.posting.title or 'posting'}")
    else:
        write_report_html(html, target, overwrite=force, source=resume_path)
    print(f"Wrote {target}: score {analysis.score}/100, "
          f"{sum(1 for v in analysis.verdicts if v.status.value != 'met')} gap(s) to prepare for.")
    return 0
