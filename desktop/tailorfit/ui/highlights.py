"""From one analysis to the marks each pane shows (presentation only, no analysis, no Qt).

The marks are computed on the worker with the analysis: a long resume has thousands of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tailorfit.core.kinds import Status

if TYPE_CHECKING:
    from tailorfit.core.display import DisplayMap
    from tailorfit.core.match.result import Analysis

STATUS_WORDS = {Status.MET: "Met", Status.PARTIAL: "Partly met", Status.MISSING: "Missing"}
# When one resume span supports several requirements, the best verdict colours it.
_RANK = {Status.MET: 3, Status.PARTIAL: 2, Status.MISSING: 1}


@dataclass(frozen=True, slots=True)
class Highlight:
    """A span to mark: a requirement line, a piece of evidence, or a posting term."""

    start: int
    end: int
    status: Status | None  # None for a plain term the posting asks for
    tooltip: str
    requirement_ids: tuple[str, ...] = field(default=())


def status_tooltip(status: Status, text: str, explanation: str) -> str:
    return f"{STATUS_WORDS[status]}: {text}\n{explanation}"


def posting_highlights(analysis: Analysis, posting_map: DisplayMap) -> tuple[Highlight, ...]:
    """Each requirement line tinted by its verdict."""
    marks: list[Highlight] = []
    for verdict in analysis.verdicts:
        requirement = verdict.requirement
        tip = status_tooltip(verdict.status, requirement.text, verdict.explanation)
        for start, end in posting_map.ranges(requirement.start, requirement.end):
            marks.append(Highlight(start, end, verdict.status, tip, (requirement.id,)))
    return tuple(sorted(marks, key=lambda m: (m.start, m.end)))


def resume_highlights(analysis: Analysis, resume_map: DisplayMap) -> tuple[Highlight, ...]:
    """Evidence spans coloured by the requirements they support, and asked-for terms."""
    by_span: dict[tuple[int, int], list[tuple[Status, str, str]]] = {}
    for verdict in analysis.verdicts:
        if verdict.status is Status.MISSING:
            continue
        for evidence in verdict.evidence:
            by_span.setdefault((evidence.start, evidence.end), []).append(
                (verdict.status, verdict.requirement.id,
                 f"{verdict.requirement.text}\n{verdict.explanation}"))
    marks: list[Highlight] = []
    for (start, end), supports in by_span.items():
        best = max(supports, key=lambda s: _RANK[s[0]])[0]
        tip = "Supports:\n" + "\n\n".join(f"• {text}" for _, _, text in supports)
        ids = tuple(dict.fromkeys(i for _, i, _ in supports))
        for a, b in resume_map.ranges(start, end):
            marks.append(Highlight(a, b, best, tip, ids))
    asked = {k.canonical for k in analysis.keywords}
    covered = sorted(by_span)
    for hit in analysis.resume_hits:
        if hit.entry in asked and not any(a <= hit.start and hit.end <= b for a, b in covered):
            for a, b in resume_map.ranges(hit.start, hit.end):
                marks.append(Highlight(a, b, None, f"The posting asks for {hit.text}"))
    return tuple(sorted(marks, key=lambda m: (m.start, m.end)))
