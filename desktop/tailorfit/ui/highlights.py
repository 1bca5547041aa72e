"""From one analysis to the marks each pane shows (presentation only, no analysis)."""

from __future__ import annotations

from tailorfit.core.match import Status
from tailorfit.ui.controller import AnalysisView
from tailorfit.ui.pane import Highlight, status_tooltip

# When one resume span supports several requirements, the best verdict colours it.
_RANK = {Status.MET: 3, Status.PARTIAL: 2, Status.MISSING: 1}


def posting_highlights(view: AnalysisView) -> list[Highlight]:
    """Each requirement line tinted by its verdict."""
    marks: list[Highlight] = []
    for verdict in view.analysis.verdicts:
        requirement = verdict.requirement
        tip = status_tooltip(verdict.status, requirement.text, verdict.explanation)
        for start, end in view.posting_map.ranges(requirement.start, requirement.end):
            marks.append(Highlight(start, end, verdict.status, tip, (requirement.id,)))
    return marks


def resume_highlights(view: AnalysisView) -> list[Highlight]:
    """Evidence spans coloured by the requirements they support, and asked-for terms."""
    analysis = view.analysis
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
        for a, b in view.resume_map.ranges(start, end):
            marks.append(Highlight(a, b, best, tip, ids))
    asked = {k.canonical for k in analysis.keywords}
    covered = [(a, b) for (a, b) in by_span]
    for hit in analysis.resume_hits:
        if hit.entry in asked and not any(a <= hit.start and hit.end <= b for a, b in covered):
            for a, b in view.resume_map.ranges(hit.start, hit.end):
                marks.append(Highlight(a, b, None, f"The posting asks for {hit.text}"))
    return marks
