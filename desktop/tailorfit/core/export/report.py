"""The match report: score, checklist with evidence, gaps to prepare for, accepted edits.

Rendered to HTML from ``resources/templates/report.html.j2`` with Jinja2's autoescaping on:
the posting's text is untrusted (copied from a job board) and must never become markup.
The same HTML is printed to PDF by :mod:`tailorfit.ui.pdf` (Qt lives only in the UI package).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from tailorfit import __version__
from tailorfit.core.edits import Edit, Origin, final_text, paragraph_text
from tailorfit.core.export.save import write_atomically
from tailorfit.core.model import Document
from tailorfit.core.resources import resource_path

if TYPE_CHECKING:
    from tailorfit.core.export.suggestions import AcceptedSuggestion
    from tailorfit.core.match.result import Analysis, Verdict

TEMPLATE = "report.html.j2"
_ICONS = {"met": "✓", "partial": "◐", "missing": "✗"}


@dataclass(frozen=True, slots=True)
class EditRow:
    """One accepted change as the report lists it."""

    origin: str  # "Suggestion s3" or "Your edit"
    before: str
    after: str
    reason: str = ""


def edit_rows(source: Document, edits: Sequence[Edit],
              suggestions: Sequence[AcceptedSuggestion] = ()) -> list[EditRow]:
    """The edits grouped by paragraph: each paragraph's text before and after."""
    by_id = {s.id: s for s in suggestions}
    rows: list[EditRow] = []
    seen: set[int] = set()
    for edit in edits:
        label, reason = _label(edit, by_id)
        if edit.is_paragraph:
            rows.append(EditRow(label, "", paragraph_text(source.blocks[edit.block], edit),
                                reason))
            continue
        if edit.block in seen:
            continue
        seen.add(edit.block)
        rows.append(EditRow(label, source.blocks[edit.block].text,
                            final_text(source, edits, edit.block), reason))
    return rows


def _label(edit: Edit, by_id: dict[str, AcceptedSuggestion]) -> tuple[str, str]:
    if edit.origin is Origin.SUGGESTION and edit.suggestions:
        found = [by_id[i] for i in edit.suggestions if i in by_id]
        message = "; ".join(s.message for s in found if s.message)
        reason = "; ".join(s.reason for s in found if s.reason)
        names = ", ".join(edit.suggestions)
        return (f"Suggestion {names}" + (f": {message}" if message else ""), reason)
    return "Your edit", ""


def render_report(analysis: Analysis, *, edits: Sequence[EditRow] = (),
                  generated: datetime | None = None) -> str:
    """The report as an HTML page (self-contained, no scripts, no remote resources)."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(loader=FileSystemLoader(str(resource_path("templates"))),
                      autoescape=True, undefined=StrictUndefined, trim_blocks=True,
                      lstrip_blocks=True)
    posting, resume = analysis.posting, analysis.resume
    counts = {status.value: count for status, count in analysis.counts().items()}
    verdicts = sorted(analysis.verdicts, key=lambda v: v.requirement.strength.value != "must")
    return env.get_template(TEMPLATE).render(
        title=posting.title, company=posting.company, person=resume.contact.name,
        posting_label=posting.document.source.label, resume_label=resume.document.source.label,
        score=analysis.score, must_missing=analysis.must_missing, counts=counts,
        checklist=[_row(v) for v in verdicts], gaps=_gaps(analysis.verdicts),
        edits=list(edits), version=__version__,
        generated=(generated or datetime.now()).strftime("%Y-%m-%d %H:%M"),
        icons=_ICONS)


def _row(verdict: Verdict) -> dict[str, object]:
    requirement = verdict.requirement
    return {
        "id": requirement.id, "text": requirement.text, "status": verdict.status.value,
        "strength": requirement.strength.value, "kind": requirement.kind.value,
        "explanation": verdict.explanation,
        "evidence": [{"text": e.text, "where": e.where} for e in verdict.evidence[:3]],
    }


def _gaps(verdicts: Sequence[Verdict]) -> list[dict[str, object]]:
    """Missing and partial requirements, must-haves first, with what comes closest and a
    question to prepare for."""
    gaps: list[dict[str, object]] = []
    for verdict in sorted((v for v in verdicts if v.status.value != "met"),
                          key=lambda v: (v.requirement.strength.value != "must",
                                         v.status.value != "missing")):
        requirement = verdict.requirement
        closest = [{"text": e.text, "where": e.where}
                   for e in (verdict.evidence or verdict.related)[:2]]
        if verdict.status.value == "missing":
            prompt = ("Expect a question on this. Prepare how you would learn it fast, or "
                      "the closest thing you have done and what it taught you.")
        else:
            prompt = ("You partly show this. Prepare one concrete example, with a number, "
                      "that shows the rest.")
        gaps.append({"text": requirement.text, "status": verdict.status.value,
                     "strength": requirement.strength.value,
                     "explanation": verdict.explanation, "closest": closest, "prompt": prompt})
    return gaps


def write_report_html(html: str, target: Path, *, overwrite: bool = False,
                      source: Path | None = None) -> None:
    """Save the report's HTML atomically (never over the resume or an unconfirmed file)."""
    write_atomically(target, html.encode("utf-8"), overwrite=overwrite, source=source)
